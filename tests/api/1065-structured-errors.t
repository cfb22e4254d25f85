# Import and write errors are structured as well as worded: error.problems lists each problem
# as {file, line, column, field, message, message_zh} (line and column 1-based, null when they
# do not apply), so a page shows them by line and column without taking the text apart.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null
$ printf 'adcode,name_zh,prefecture,kind,old_area,verified\n440222,始兴县,韶关市,county,0,1\n44088,x,y,county,0,1\n440881,廉江市,湛江市,town,0,1\n' > bad.csv; api -q POST '/api/v1/import?file=targets.csv&dry_run=1' "$(cat bad.csv)" | jq -c '.error.problems[]'
{"file":"targets.csv","line":3,"column":1,"field":"adcode","message":"'44088' is not a county-level code: 6 digits not ending in 00, e.g. 440881","message_zh":"文件 targets.csv 第 3 行 列“adcode”：'44088' is not a county-level code: 6 digits not ending in 00, e.g. 440881"}
{"file":"targets.csv","line":4,"column":4,"field":"kind","message":"'town' is not one of: county, autonomous_county, county_city, district","message_zh":"文件 targets.csv 第 4 行 列“kind”：'town' is not one of: county, autonomous_county, county_city, district"}
$ printf 'group,unit,role\nG2023-440881,U999,member\n' > m.csv; api -q POST '/api/v1/import?file=members.csv' "$(cat m.csv)" | jq -c '.error.problems[] | [.file, .line, .column, .field]'
["members.csv",2,2,"unit"]
$ api -q POST '/api/v1/import?file=members.csv' 'group,unit' | jq -c '.error.problems[] | [.file, .line, .field]'
["members.csv",1,"role"]
$ api -q PATCH /api/v1/cadres/C0001 '{"rank":"general"}' | jq -c '.error | [.code, .field, .problems]'
["invalid_input","rank",[{"file":null,"line":null,"column":null,"field":"rank","message":"rank: 'general' is not one of: division, middle, section","message_zh":"字段“rank”：rank: 'general' is not one of: division, middle, section"}]]
$ api -q POST /api/v1/changes '{"changes":[{"op":"update","entity":"cadres","key":"C0001","record":{"post":"x"}},{"op":"update","entity":"cadres","key":"C0001","record":{"start":"2025-02-30"}}]}' | jq -c '.error | [.index, .problems[0].field]'
[1,"start"]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
