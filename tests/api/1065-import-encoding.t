# POST /api/v1/import refuses a Big5 file that reads as GB18030 only by accident (400, naming
# the line), imports it with ?encoding=BIG5, refuses an unknown encoding (400), and imports a
# GB18030 file that starts with its BOM.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role admin --password-stdin > /dev/null
$ serve-bg
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,陳大文,U028,G2023-440222,division,縣委副書記,2023-12-22,2026-12-21,,,0,測試' | iconv -f UTF-8 -t BIG5 > big5.csv
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,陈大文,U028,G2023-440222,division,县委副书记,2023-12-22,2026-12-21,,,0,测试' | iconv -f UTF-8 -t GB18030 | { printf '\x84\x31\x95\x33'; cat; } > gbbom.csv
$ api login wang 'a long enough secret' > /dev/null; api POST '/api/v1/import?file=cadres.csv' "$(cat big5.csv)" | sed 1q; api -q POST '/api/v1/import?file=cadres.csv' "$(cat big5.csv)" | jq -r '.error.errors[0]' | grep -o '^cadres.csv:2: bytes 0xA4 0x6A\|probably Big5'
HTTP 400
cadres.csv:2: bytes 0xA4 0x6A
probably Big5
$ api -q GET /api/v1/cadres/C0001 | jq -r .name
杨雅敏
$ api POST '/api/v1/import?file=cadres.csv&encoding=BIG5' "$(cat big5.csv)"; api -q GET /api/v1/cadres/C0001 | jq -r .name
HTTP 200
{"imported":{"cadres.csv":1}}
陳大文
$ api -q POST '/api/v1/import?file=cadres.csv&encoding=KLINGON' "$(cat big5.csv)" | jq -c .error
{"code":"invalid_input","message":"encoding: not an encoding this server knows; use e.g. GB18030, BIG5, SHIFT_JIS, EUC-KR, WINDOWS-1252, UTF-8","field":"encoding"}
$ api -q POST '/api/v1/import?file=cadres.csv' "$(cat gbbom.csv)"; api -q GET /api/v1/cadres/C0001 | jq -r .name
{"imported":{"cadres.csv":1}}
陈大文
