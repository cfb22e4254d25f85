# A commitment's life through the API (docs/work.md): a county's need, a unit of its group
# commits to it, starts, cannot deliver without evidence, attaches a file (multipart, at most
# 8 MB) and delivers; the county sends it back with a reason, the unit delivers again, the
# county confirms (销号) and nothing more changes; each step's who-may; the evidence file comes
# back as a download with its type and name; the lists as CSV (formula guard) and XLSX (Chinese
# headers, numbers and dates as such); bangfu work list reads the same. The bundled illustrative
# work is cleared first (the tasks stay), so the case counts only its own records.
$ bangfu init > /dev/null && sqlite3 bangfu.db "DELETE FROM policy_task; DELETE FROM policy_target; DELETE FROM policy; DELETE FROM resource; DELETE FROM evidence_file; DELETE FROM commitment; DELETE FROM need"
$ for a in 'boss admin' 'wang planner' 'tongji unit --unit U048' 'u111 unit --unit U111' 'lianjiang county --target 440881'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null; api -q POST /api/v1/tasks '{"round":"2023-2026","code":"X1","domain":"industry","name_zh":"特色产业"}' | jq -r .code
X1
$ api login lianjiang 'a long enough secret' > /dev/null; api -q POST /api/v1/needs '{"id":70001,"task":"X1","title":"冷链物流","priority":1}' | jq -r .title
冷链物流
$ api login tongji 'a long enough secret' > /dev/null; api -q POST /api/v1/commitments '{"id":70001,"target":"440881","task":"X1","need":70001,"title":"=HYPERLINK(\"x\") 冷链仓","measure":"个","target_value":2,"due":"2024-06-30"}' | jq -c '[.status, .overdue, .evidence_files, .unit, .account]'
["planned",true,0,"U048","tongji"]
$ api -q PATCH /api/v1/commitments/70001 '{"status":"delivered","evidence":"x"}' | jq -c '.error | [.code, .message]'
["conflict","status: a planned commitment cannot become delivered; it may become: in_progress, dropped"]
$ api -q PATCH /api/v1/commitments/70001 '{"status":"in_progress"}' | jq -c '[.status, .overdue]'
["in_progress",true]
$ api -q PATCH /api/v1/commitments/70001 '{"status":"delivered"}' | jq -c '.error | [.code, .field, .message_zh]'
["invalid_input","evidence","字段“evidence”：交付须有佐证：文字说明、链接或附件"]
$ api login u111 'a long enough secret' > /dev/null; api -q PATCH /api/v1/commitments/70001 '{"status":"delivered","evidence":"x"}' | jq -c '.error | [.code, .message]'
["forbidden","a unit writes only its own commitments"]
$ api -q GET /api/v1/commitments/70001 | jq -r .title
=HYPERLINK("x") 冷链仓
$ api login tongji 'a long enough secret' > /dev/null
$ printf '验收单：冷链仓 2 个\n' > 验收单.txt; curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F "file=@验收单.txt;type=text/plain" http://127.0.0.1:$(cat port)/api/v1/commitments/70001/evidence | jq -c '[.commitment, .name, .mime, .size, .account]'
[70001,"验收单.txt","text/plain; charset=utf-8",28,"tongji"]
$ head -c 8388609 /dev/zero > big.pdf; curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F "file=@big.pdf" http://127.0.0.1:$(cat port)/api/v1/commitments/70001/evidence | jq -c '.error | [.code, .field, .message]'
["invalid_input","file","file: at most 8 MB (8388608 bytes); this one has 8388609"]
$ api -q GET /api/v1/commitments/70001/evidence | jq -c '[.total, .items[0].name]'
[1,"验收单.txt"]
$ id=$(api -q GET /api/v1/commitments/70001/evidence | jq .items[0].id); curl -s -D h -o got.txt -b jar http://127.0.0.1:$(cat port)/api/v1/evidence/$id; cmp got.txt 验收单.txt && grep -i -E '^content-(type|disposition)' h | tr -d '\r'
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment; filename="_________.txt"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E5%8D%95.txt
$ api -q PATCH /api/v1/commitments/70001 '{"status":"delivered","delivered_value":2}' | jq -c '[.status, .evidence_files, .overdue, (.delivered_on | length)]'
["delivered",1,false,10]
$ api -q PATCH /api/v1/commitments/70001 '{"status":"confirmed"}' | jq -c '.error | [.code, .message]'
["forbidden","status: only the county of the target, the planner or admin may set delivered to confirmed"]
$ api login lianjiang 'a long enough secret' > /dev/null
$ api -q PATCH /api/v1/commitments/70001 '{"status":"in_progress"}' | jq -c '.error | [.field, .message]'
["reason","reason: say why (delivered to in_progress needs a reason)"]
$ api -q PATCH /api/v1/commitments/70001 '{"status":"in_progress","reason":"验收单缺签字"}' | jq -c '[.status, .reason, .delivered_on]'
["in_progress","验收单缺签字",null]
$ api -q PATCH /api/v1/commitments/70001 '{"target_value":1}' | jq -c '.error | [.code, .field]'
["forbidden","target_value"]
$ api login tongji 'a long enough secret' > /dev/null; api -q PATCH /api/v1/commitments/70001 '{"status":"delivered","evidence":"补签字"}' | jq -r .status
delivered
$ api login wang 'a long enough secret' > /dev/null; api -q POST /api/v1/commitments '{"target":"440881","unit":"U048","task":"X1","title":"x","measure":"个","target_value":1,"due":"2025-06-30"}' | jq -c '.error | [.code]'
["forbidden"]
$ api login lianjiang 'a long enough secret' > /dev/null; api -q PATCH /api/v1/commitments/70001 '{"status":"confirmed"}' | jq -c '[.status, .confirmed_by, (.confirmed_on | length)]'
["confirmed","lianjiang",10]
$ api login tongji 'a long enough secret' > /dev/null; api -q PATCH /api/v1/commitments/70001 '{"title":"改"}' | jq -c '.error | [.code, .message]'
["conflict","status: the commitment is confirmed (closed); only the office can change it now"]
$ api -q DELETE /api/v1/commitments/70001 | jq -c '.error | [.code]'
["conflict"]
$ api -q POST /api/v1/commitments '{"id":70002,"target":"440881","task":"X1","title":"培训","measure":"人次","target_value":300,"due":"2026-10-31"}' | jq -r .status; api -q PATCH /api/v1/commitments/70002 '{"status":"dropped"}' | jq -r .error.field; api -q PATCH /api/v1/commitments/70002 '{"status":"dropped","reason":"县里已安排"}' | jq -r .status
planned
reason
dropped
$ api -q POST /api/v1/resources '{"kind":"funds","amount":1500000,"target":"440881","date":"2025-03-01","source":"@SUM(A1)","commitment":70001}' | jq -c '[.amount, .commitment]'
[1500000,70001]
$ api -q GET '/api/v1/commitments?status=confirmed&format=csv' | cut -d, -f1,7,12 | sed 's/^\xEF\xBB\xBF//'
id,title,status
70001,"'=HYPERLINK(""x"") 冷链仓",confirmed
$ api -q GET '/api/v1/resources?format=csv' | cut -d, -f4,10 | sed 's/^\xEF\xBB\xBF//'
amount,source
1500000,'@SUM(A1)
$ api -q GET '/api/v1/commitments?overdue=1&as_of=2026-11-01' | jq -c '[.total]'; api -q GET '/api/v1/commitments?sort=-target_value&limit=1' | jq -c '[.total, .items[].id]'; api -q GET '/api/v1/commitments?sort=colour' | jq -c '.error | [.field]'
[0]
[2,70002]
["sort"]
$ curl -s -b jar -o r.xlsx "http://127.0.0.1:$(cat port)/api/v1/resources?format=xlsx"; xlsx-read r.xlsx 2 | sed '/^sheet 说明/q' | grep -E '^[ADI][12] '
A1 s 编号
D1 s 数额（元或个数）
I1 s 日期
A2 n 1
D2 n 1500000
I2 d 2025-03-01
$ bangfu work list commitments --format csv | cut -d, -f1,12 | sed 's/^\xEF\xBB\xBF//'
id,status
70001,confirmed
70002,dropped
$ bangfu work list resources --target 440881
total  1

[items] 1
id  target  unit  kind   amount   date        source
--  ------  ----  -----  -------  ----------  --------
1   440881  U048  funds  1500000  2025-03-01  @SUM(A1)
$ bangfu work list plans
bangfu work: 'plans': give tasks, needs, commitments, resources or policies
(see: bangfu work --help)
[2]
$ bangfu audit verify | sed 's/[0-9]* rows/N rows/'
audit trail intact: N rows, every hash matches
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
