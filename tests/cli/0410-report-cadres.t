# report cadres on the bundled data: 197 cadres of which 190 on post on 2026-06-30; a cadre
# who left early is listed as not on post.
$ bangfu init > /dev/null
$ bangfu report cadres --as-of 2026-06-30 --format csv | tail -n +2 | wc -l
197
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -c ',yes,[01]$'
190
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -E '^(C0038|C0039),'
C0038,陈铭锐,U133,中国南方电网有限责任公司,440784,鹤山市,middle,市工业园区管委会副主任,2023-12-20,2026-12-19,2024-08-04,no,0
C0039,周国毅,U133,中国南方电网有限责任公司,440784,鹤山市,middle,市工业园区管委会副主任,2024-08-05,2027-08-04,,yes,0
