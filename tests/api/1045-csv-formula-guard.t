# A cadre whose name is a spreadsheet formula, written through the API, comes out of every CSV
# answer (lists, reports) with an apostrophe before it, so Excel shows it as text; JSON
# answers keep the value as written.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add tongji --role unit --unit U028 --password-stdin > /dev/null
$ serve-bg
$ api login tongji 'a long enough secret' > /dev/null
$ api -q PATCH /api/v1/cadres/C0001 '{"name":"=cmd|'"'"' /C calc'"'"'!A0","post":"+SUM(1)","note":"\tx"}' | jq -c '[.name, .post]'
["=cmd|' /C calc'!A0","+SUM(1)"]
$ api -q GET '/api/v1/cadres?format=csv&unit=U028' | grep '^C0001,' | od -c | grep -c '\\t'
1
$ api -q GET '/api/v1/cadres?format=csv&unit=U028' | grep '^C0001,' | tr '\t' T
C0001,'=cmd|' /C calc'!A0,U028,G2023-440222,division,'+SUM(1),2023-12-22,2026-12-21,,,0,"'Tx"
$ echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null && api login wang 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/cadres?format=csv' | grep '^C0001,' | cut -d, -f1-2,8
C0001,'=cmd|' /C calc'!A0,'+SUM(1)
