# S7: a term that runs past its round's end goes on: the cadre serves the same target for the
# same unit, and counts for the next round's group there (issue 12 §6). Here U048 (lead of
# 廉江市 in both rounds) sent C9100 in the first round until 2027-05-31: on 2027-03-01 the second
# round's group has its division-level lead cadre, and only the member U111 lacks one. After the
# term ends (2027-06-15) the lead's quota finding comes back.
$ bangfu init > /dev/null
$ mkdir r2 && printf 'name,start,end,cycle_years,note\n2027-2029,2027-01-01,2029-12-31,3,\n' > r2/rounds.csv && printf 'id,round,target,verified,note\nG2027-440881,2027-2029,440881,0,\n' > r2/groups.csv && printf 'group,unit,role,note\nG2027-440881,U048,lead,\nG2027-440881,U111,member,\n' > r2/members.csv && printf 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\nC9100,接任甲,U048,G2023-440881,division,市委副书记,2026-12-10,2027-05-31,,C0050,0,\n' > r2/cadres.csv && bangfu import r2 > /dev/null
$ bangfu check --round 2027-2029 --as-of 2027-03-01 --format json > c.json; jq -r '.rules[] | select(.tag == "cadre-quota") | .items[] | select(.key == "G2027-440881") | .message' c.json
member unit U111 广东省港航集团有限公司 has 0 middle- or section-level cadres on post in 廉江市 (group G2027-440881) on 2027-03-01: it must have 1 or 2
$ bangfu check --round 2027-2029 --as-of 2027-06-15 --format json > c.json; jq -r '.rules[] | select(.tag == "cadre-quota") | .items[] | select(.key == "G2027-440881") | .message' c.json
lead unit U048 省统计局 has 0 division-level cadres on post in 廉江市 (group G2027-440881) on 2027-06-15: it must have exactly 1
member unit U111 广东省港航集团有限公司 has 0 middle- or section-level cadres on post in 廉江市 (group G2027-440881) on 2027-06-15: it must have 1 or 2
