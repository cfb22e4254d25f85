# report cadres on the bundled data: 196 cadres of which 190 on post on 2026-06-30; a cadre
# who left early is listed as not on post.
$ bangfu init > /dev/null
$ bangfu report cadres --as-of 2026-06-30 --format csv | tail -n +2 | wc -l
196
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -c ',yes,[01]$'
190
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -E '^(C0075|C0076),'
C0075,谢桂敏,U103,广东粤海控股集团有限公司,441224,怀集县,middle,县林业局副局长,2024-01-05,2026-12-31,2024-07-28,no,0
C0076,张颖思,U103,广东粤海控股集团有限公司,441224,怀集县,middle,县林业局副局长,2024-07-29,2026-12-31,,yes,0
