# bangfu plan rotations (S7, issue 12 §6; docs/rotations.md): 廉江市's group has 4 posts on
# 2026-08-01 (C0050 of the lead unit U048, C0051, C0052, C0053). Here its lead cadre and two
# more leave within 26 days (2026-10-15, 10-15, 11-10), and only C0051 has a successor,
# arriving 10 days after it leaves: as things stand the group loses its lead on 2026-10-16
# and 3 of its 4 posts (more than half) in one 90 days. The plan: each successor 14 days
# before (C9051 brought forward from 2026-10-25), and one of the three brought forward to 90
# days before (C0052's: the latest departure), so that at most 2 are losses in any 90 days.
# With --overlap 0 the successors come the day after. With a notice of 30 days on
# 2026-10-01, two successors can only arrive on 10-31 and the group cannot be kept (exit 1).
$ bangfu init > /dev/null
$ printf 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\nC0050,陈卫军,U048,G2023-440881,division,市委副书记,2023-12-20,2026-10-15,,,0,\nC0051,许晓,U111,G2023-440881,middle,市自然资源局副局长,2023-12-20,2026-10-15,,,0,\nC0052,古丽韵,U111,G2023-440881,middle,副市长,2024-05-16,2026-12-31,2026-11-10,,0,\nC9051,接任乙,U111,G2023-440881,middle,市自然资源局副局长,2026-10-25,2029-10-24,,C0051,0,\n' > cadres.csv; bangfu import cadres.csv > /dev/null
$ bangfu plan rotations --as-of 2026-08-01 --window 120
round            2023-2026
from             2026-08-01
to               2026-11-29
overlap_days     14
span_days        90
departures       3
groups_at_risk   1
groups_kept      1
groups_not_kept  0

[groups] 1
group         target  target_name  posts  limit  departures  before_lead_lost  before_losses  before_window  after_lead_lost  after_losses  after_window  kept
------------  ------  -----------  -----  -----  ----------  ----------------  -------------  -------------  ---------------  ------------  ------------  ----
G2023-440881  440881  廉江市       4      2      3           2026-10-16        3              2026-08-13                      2             2026-08-01    yes

[items] 3
group         target_name  id     name    unit  unit_name               lead  rank      post                end         successor  successor_start  arrival     handover_days  handover  why       moved
------------  -----------  -----  ------  ----  ----------------------  ----  --------  ------------------  ----------  ---------  ---------------  ----------  -------------  --------  --------  -----
G2023-440881  廉江市       C0050  陈卫军  U048  省统计局                yes   division  市委副书记          2026-10-15                              2026-10-02  -14            overlap   handover  no
G2023-440881  廉江市       C0051  许晓    U111  广东省港航集团有限公司  no    middle    市自然资源局副局长  2026-10-15  C9051      2026-10-25       2026-10-02  -14            overlap   handover  yes
G2023-440881  廉江市       C0052  古丽韵  U111  广东省港航集团有限公司  no    middle    副市长              2026-11-10                              2026-08-13  -90            overlap   batch     no
$ bangfu plan rotations --as-of 2026-08-01 --window 120 --overlap 0 --format csv
﻿group,target_name,id,name,unit,unit_name,lead,rank,post,end,successor,successor_start,arrival,handover_days,handover,why,moved
G2023-440881,廉江市,C0050,陈卫军,U048,省统计局,yes,division,市委副书记,2026-10-15,,,2026-10-16,0,seamless,handover,no
G2023-440881,廉江市,C0051,许晓,U111,广东省港航集团有限公司,no,middle,市自然资源局副局长,2026-10-15,C9051,2026-10-25,2026-10-16,0,seamless,handover,yes
G2023-440881,廉江市,C0052,古丽韵,U111,广东省港航集团有限公司,no,middle,副市长,2026-11-10,,,2026-08-13,-90,overlap,batch,no
$ bangfu plan rotations --as-of 2026-10-01 --window 60 --notice 30 --format json > p.json; echo "exit $?"; jq -c '.groups[] | select(.group == "G2023-440881") | [.before_lead_lost, .after_lead_lost, .after_losses, .limit, .kept]' p.json; jq -r '.items[] | select(.group == "G2023-440881") | [.id, .arrival, .why, .handover_days] | @tsv' p.json
exit 1
["2026-10-16","2026-10-16",3,2,false]
C0050	2026-10-31	asap	15
C0051	2026-10-25	named	9
C0052	2026-10-31	asap	-11
$ bangfu plan rotations --round 2023-2026 --as-of 2026-08-01 --format json | jq -c '[.from, .to, .departures, .groups_not_kept]'
["2026-08-01","2026-12-31",190,0]
$ bangfu plan rotations --as-of 2026-08-01 --window 120 --format xlsx > p.xlsx; unzip -p p.xlsx xl/sharedStrings.xml | grep -o '建议到岗日期\|分批提前' | sort -u
分批提前
建议到岗日期
$ bangfu plan rotations --window x
bangfu plan: --window 'x' is not a number of days (0-3650)
(see: bangfu plan --help)
[2]
$ bangfu plan rotations --overlap 400
bangfu plan: --overlap '400' is not a number of days (0-365)
(see: bangfu plan --help)
[2]
$ bangfu plan rotations --round 2099 --as-of 2026-08-01
bangfu: no round named '2099' (rounds: 2023-2026)
[1]
$ bangfu plan rotations --as-of 2031-01-01
bangfu: no round is in progress on the day planned: give --round NAME (or --as-of a day within one)
[1]
