# ?format=xlsx (or Accept: the XLSX type) on every list and report: a spreadsheet download read
# back by tests/bin/xlsx-read (python3 zipfile + xml): Chinese headers in a frozen first row,
# numbers as numbers, days as dates, text as text — a cell starting with = stays text, never a
# formula. The reader's scope applies as to JSON. Any other format is 400.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role admin --password-stdin > /dev/null && echo 'a long enough secret' | bangfu user add li --role county --target 440881 --password-stdin > /dev/null
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api -q PATCH /api/v1/targets/440881 '{"note":"=HYPERLINK(\"http://x\",\"1\")+1"}' | jq -r .note
=HYPERLINK("http://x","1")+1
$ curl -s -b jar -D h -o targets.xlsx "http://127.0.0.1:$(cat port)/api/v1/targets?format=xlsx&q=440881"; tr -d '\r' < h | grep -iE '^(HTTP|content-type|content-disposition)'
HTTP/1.1 200 OK
Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
Content-Disposition: attachment; filename="bangfu-targets.xlsx"
$ xlsx-read targets.xlsx 2 | sed '/^sheet 说明/q'
sheets: 数据 data | 说明 columns
sheet 数据 data: frozen 1 row(s), filter A1:L2
A1 s 行政区划代码
B1 s 中文名称
C1 s 英文名称
D1 s 地级市
E1 s 行政区类型
F1 s 老区苏区
G1 s 分类
H1 s 区域
I1 s 经度
J1 s 纬度
K1 s 已核实
L1 s 备注
A2 s 440881
B2 s 廉江市
C2 s Lianjiang City
D2 s 湛江市
E2 s county_city
F2 n 0
G2 s coastal
H2 s 沿海经济带-西翼
I2 n 110.137
J2 n 21.705
K2 n 1
L2 s =HYPERLINK("http://x","1")+1
sheet 说明 columns: frozen 1 row(s)
$ unzip -p targets.xlsx xl/worksheets/sheet1.xml | grep -c '<f>'
0
[1]
$ curl -s -b jar -o cadres.xlsx -H 'Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' "http://127.0.0.1:$(cat port)/api/v1/cadres?target=440881&sort=id"; xlsx-read cadres.xlsx 2 | sed '/^sheet 说明/q' | grep -E '^[A-I][12] '
A1 s 干部编号
B1 s 姓名
C1 s 派出单位代码
D1 s 组团编号
E1 s 职级
F1 s 挂任职务
G1 s 开始日期
H1 s 计划期满
I1 s 实际离任
A2 s C0050
B2 s 陈卫军
C2 s U048
D2 s G2023-440881
E2 s division
F2 s 市委副书记
G2 d 2023-12-20
H2 d 2026-12-19
$ curl -s -b jar -o rot.xlsx "http://127.0.0.1:$(cat port)/api/v1/reports/rotations?as_of=2026-06-30&format=xlsx"; xlsx-read rot.xlsx 2 | sed '/^sheet 说明/q' | grep -E '^[AB][12] ' > got; api -q GET '/api/v1/reports/rotations?as_of=2026-06-30' | jq -r '"A1 s 期满日期", "B1 s 剩余天数", (.items[0] | "A2 d \(.end)", "B2 n \(.days_left)")' | diff - got && echo same as the JSON
same as the JSON
$ curl -s -b jar -o sum.xlsx "http://127.0.0.1:$(cat port)/api/v1/reports/summary?as_of=2026-06-30&format=xlsx"; xlsx-read sum.xlsx 9 | sed '/^sheet 说明/q' | grep -E '^[B][2-9] '
B2 s 2023-2026
B3 d 2026-06-30
B4 n 156
B5 n 156
B6 n 62
B7 n 62
B8 n 62
B9 n 190
$ api GET '/api/v1/units?format=xls'
HTTP 400
{"error":{"code":"invalid_input","message":"format must be csv, xlsx or json","field":"format"}}
$ api login li 'a long enough secret' > /dev/null
$ curl -s -b jar -o mine.xlsx "http://127.0.0.1:$(cat port)/api/v1/targets?format=xlsx"; xlsx-read mine.xlsx 5 | sed '/^sheet 说明/q' | grep -c '^A[0-9]'
2
$ curl -s -b jar -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$(cat port)/api/v1/reports/groups?format=xlsx"
403
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
