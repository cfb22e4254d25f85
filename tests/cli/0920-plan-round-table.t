# bangfu plan --round: the formation of the bundled round proposed by the planner, as tables in
# Chinese with English beside them: objective, balance statistics, each group's score and every
# chosen pair with why it scores what it scores. 廉江市's published group is fixed. The bundled
# groups were made by this planner (scripts/gen-guangdong-data.py), so the plan is the round's
# formation as it is.
$ bangfu init > /dev/null
$ bangfu plan --round 2023-2026 | sed -n 1,6p
规划 plan · 轮次 round 2023-2026 · 需求表 needs plan-needs.csv (bundled)
目标值 objective  704.77 (组团得分合计 sum of group scores 704.75)
组团 groups 62 · 成员关系 memberships 170 · 参与单位 units 156 (帮扶两个县 twice: 14)
组团得分 group score: 最低 min 5.00 · 平均 mean 11.37 · 最高 max 27.75
地市间差距 spread across prefectures (max - min of the means): 11.12

$ bangfu plan --round 2023-2026 | grep -E '^(对象|---)' | cut -c1-60
---------------  -----------  -------------------
对象 target                组团 group    成员数 membe
-------------------------  ------------  --------------  ---
对象 target                单位 unit                    
-------------------------  ---------------------------------
$ bangfu plan --round 2023-2026 | grep '^440881 廉江市'
440881 廉江市              G2023-440881  2               11.25       10.75
440881 廉江市              U048 省统计局 (固定 fixed)                            牵头 lead    4.50        fit planning 1, digital 0.5; lead 3; in place
440881 廉江市              U111 广东省港航集团有限公司 (固定 fixed)              成员 member  -1.50       fit industry 1, marine 3; member cost -5.5; in place
440881 廉江市              U132 中国国家铁路集团有限公司广州局集团 (固定 fixed)  成员 member  -3.50       fit industry 1, planning 1; member cost -5.5; in place
$ bangfu plan --round 2023-2026 | grep -E '^(湛江市|梅州市|潮州市) '
湛江市           5            9.70
梅州市           8            14.03
潮州市           1            8.50
$ bangfu plan --round 2023-2026 | grep -c ' 牵头 lead '
62
$ bangfu report groups --format json | jq -r '.items[] | select(.target == "440222") | [.lead, .members] | join(" ")'
U028 U052;U114
$ bangfu plan --round 2023-2026 | grep '^440222 始兴县'
440222 始兴县              G2023-440222  2               11.25       11.75
440222 始兴县              U028 省民政厅                                         牵头 lead    4.00        fit health 1; lead 3; in place
440222 始兴县              U052 省林业局                                         成员 member  1.50        fit tourism 3, ecology 4; member cost -5.5; in place
440222 始兴县              U114 广东粤财投资控股有限公司                         成员 member  -5.00       fit finance 0.5; member cost -5.5; in place
