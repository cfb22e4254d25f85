# report cadres on the bundled data: 197 cadres of which 190 on post on 2026-06-30; a cadre
# who left early is listed as not on post.
$ bangfu init > /dev/null
$ bangfu report cadres --as-of 2026-06-30 --format csv | tail -n +2 | wc -l
197
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -c ',yes,[01]$'
190
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep -E '^(C0022|C0023),'
C0022,梁桂欣,U101,广东恒健投资控股有限公司,440282,南雄市,middle,市财政局副局长,2024-01-06,2026-12-31,2024-08-10,no,0
C0023,赖亮彬,U101,广东恒健投资控股有限公司,440282,南雄市,middle,市财政局副局长,2024-08-11,2026-12-31,,yes,0
