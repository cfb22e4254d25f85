# The groups' work (docs/work.md): every bad input of issue 11 is refused with 400 naming the
# field, in English and Chinese (message, message_zh, field, problems): a negative, zero,
# fractional, string or too large yuan amount, a due date outside the round, a commitment for a
# target outside the unit's groups, a task of another round, an unknown measure; a need of
# another target; a task and a need made through the API (the task catalogue: admin only).
$ bangfu init > /dev/null
$ for a in 'boss admin' 'tongji unit --unit U048' 'lianjiang county --target 440881'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'generation'" > gen0; sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'work_generation'" > wgen0; sqlite3 bangfu.db "INSERT INTO round (name, start, \"end\", cycle_years, note) VALUES ('2027-2029', '2027-01-01', '2029-12-31', 3, 'test')"
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null
$ api POST /api/v1/tasks '{"round":"2023-2026","code":"X1","domain":"industry","name_zh":"培育特色产业"}' | sed -n 1p; api -q POST /api/v1/tasks '{"round":"2027-2029","code":"Y1","domain":"industry","name_zh":"下一轮任务"}' | jq -c '[.round, .code, .domain_zh]'
HTTP 201
["2027-2029","Y1","培育壮大特色产业"]
$ api -q POST /api/v1/tasks '{"round":"2023-2026","code":"X2","domain":"tourism","name_zh":"x"}' | jq -c '.error | [.code, .field, .message, .message_zh]'
["invalid_input","domain","domain: 'tourism' is not one of: industry, urban_rural, public_services","字段“domain”：“tourism”不在可选值中：industry, urban_rural, public_services"]
$ api login lianjiang 'a long enough secret' > /dev/null
$ api -q POST /api/v1/needs '{"task":"X1","title":"冷链物流","priority":1}' | jq -c '[.id > 0, .round, .target, .task, .priority, .account]'
[true,"2023-2026","440881","X1",1,"lianjiang"]
$ api -q POST /api/v1/needs '{"task":"Y1","title":"x"}' | jq -c '.error | [.field, .message]'
["task","task: 'Y1' is not a task of round 2023-2026"]
$ api -q POST /api/v1/needs '{"task":"X1","title":"x","priority":4}' | jq -c '.error | [.field, .message, .message_zh]'
["priority","priority: must be from 1 to 3 (got 4)","字段“priority”：须在 1 到 3 之间（收到 4）"]
$ api -q POST /api/v1/needs '{"task":"X1","title":"x","created":"2020-01-01"}' | jq -c '.error | [.field, .message]'
["created","created is set by the server, not given"]
$ api -q POST /api/v1/needs '{"task":"X1","title":"x","colour":"red"}' | jq -c '.error | [.field, .message]'
[null,"'colour' is not a column of a need"]
$ api login tongji 'a long enough secret' > /dev/null
$ C='"task":"X1","title":"冷链仓","target_value":2'; api -q POST /api/v1/commitments "{\"target\":\"440881\",$C,\"measure\":\"斤\",\"due\":\"2025-06-30\"}" | jq -c '.error | [.code, .field, .message]'
["invalid_input","measure","measure: '斤' is not one of: 亩, 家, 个, 项, 人, 人次, 户, 万元, 公里, 平方米, 吨, 场, 所, 套"]
$ C='"task":"X1","title":"冷链仓","target_value":2'; api -q POST /api/v1/commitments "{\"target\":\"440881\",$C,\"measure\":\"个\",\"due\":\"2027-06-30\"}" | jq -c '.error | [.field, .message, .message_zh]'
["due","due: 2027-06-30 is outside the round 2023-2026 (2023-11-16 to 2026-12-31)","字段“due”：2027-06-30 不在轮次 2023-2026 内（2023-11-16 至 2026-12-31）"]
$ C='"task":"X1","title":"冷链仓","target_value":2'; api -q POST /api/v1/commitments "{\"target\":\"440222\",$C,\"measure\":\"个\",\"due\":\"2025-06-30\"}" | jq -c '.error | [.field, .message, .message_zh]'
["target","target: unit U048 is not a member of a group of 440222 in round 2023-2026","字段“target”：单位 U048 不是 440222 在轮次 2023-2026 的组团成员"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"Y1","title":"x","measure":"个","target_value":2,"due":"2025-06-30"}' | jq -c '.error | [.field, .message]'
["task","task: 'Y1' is not a task of round 2023-2026"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"X1","title":"x","measure":"个","target_value":2.5,"due":"2025-06-30"}' | jq -c '.error | [.field, .message]'
["target_value","target_value: give a whole number, not a fraction"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"X1","title":"x","measure":"个","target_value":0,"due":"2025-06-30"}' | jq -c '.error | [.field, .message]'
["target_value","target_value: must be greater than 0 (got 0)"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"X1","need":99,"title":"x","measure":"个","target_value":2,"due":"2025-06-30"}' | jq -c '.error | [.field, .message]'
["need","need: 99 is not a need of target 440881 in round 2023-2026"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"X1","title":"x","measure":"个","target_value":2,"due":"2025-06-31"}' | jq -c '.error | [.field, .message]'
["due","due: '2025-06-31' is not a date (YYYY-MM-DD)"]
$ api -q POST /api/v1/commitments '{"target":"440881","task":"X1","title":"x","measure":"个","target_value":2,"due":"2025-06-30","status":"confirmed"}' | jq -c '.error | [.field, .message]'
["status","status: a new commitment is planned or in_progress; it is delivered, confirmed or dropped later"]
$ R='"kind":"funds","target":"440881","date":"2025-03-01"'; for amt in -100 0 1.5 '"100"' 9007199254740993 12.0; do api -q POST /api/v1/resources "{$R,\"amount\":$amt}" | jq -c '.error | [.field, .message]'; done
["amount","amount: must be greater than 0 (got -100)"]
["amount","amount: must be greater than 0 (got 0)"]
["amount","amount: give a whole number of yuan (or items), not a fraction"]
["amount","amount: give a number, not a string"]
["amount","amount: at most 9007199254740992 (2^53)"]
["amount","amount: give a whole number of yuan (or items), not a fraction"]
$ R='"kind":"funds","target":"440881","date":"2025-03-01"'; api -q POST /api/v1/resources "{$R,\"amount\":1.5}" | jq -c '.error | [.message_zh, .problems[0].field, .problems[0].message_zh]'
["字段“amount”：须为整数（元或个数），不能有小数","amount","字段“amount”：须为整数（元或个数），不能有小数"]
$ R='"kind":"funds","target":"440881","date":"2025-03-01"'; api -q POST /api/v1/resources "{$R,\"amount\":9007199254740992}" | jq -c '[.amount, .kind, .unit]'
[9007199254740992,"funds","U048"]
$ api -q POST /api/v1/resources '{"kind":"loan","amount":5,"target":"440881","date":"2025-03-01"}' | jq -c '.error | [.field, .message]'
["kind","kind: 'loan' is not one of: funds, investment, project, enterprise, talent, training"]
$ api -q POST /api/v1/resources '{"kind":"funds","amount":5,"target":"440881","date":"2023-01-01"}' | jq -c '.error | [.field]'
["date"]
$ api -q POST /api/v1/policies '{"title":"x","date":"2025-03-01","targets":["440881"],"tasks":["Y1"]}' | jq -c '.error | [.field, .message]'
["tasks","tasks: 'Y1' is not a task of round 2023-2026"]
$ api -q POST /api/v1/policies '{"title":"x","date":"2025-03-01","targets":["440881","440222"]}' | jq -c '.error | [.field, .message]'
["targets","targets: unit U048 is not a member of a group of 440222 in round 2023-2026"]
$ api -q POST /api/v1/policies '{"title":"x","date":"2025-03-01","targets":["999999"]}' | jq -c '.error | [.field, .message]'
["targets","targets: '999999' is not a target of the programme"]
$ api -q POST /api/v1/policies '{"title":"粤统〔2025〕3号 冷链","date":"2025-03-01","targets":["440881"],"tasks":["X1"]}' | jq -c '[.id > 0, .unit, .targets, .tasks]'
[true,"U048",["440881"],["X1"]]
$ sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'generation'" | diff gen0 - && echo registry generation unchanged; echo "work writes: $(( $(sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'work_generation'") - $(cat wgen0) ))"
registry generation unchanged
work writes: 5
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
