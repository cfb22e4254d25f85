# An account's e-mail address (the inbox digests) through PATCH /api/v1/users/{name}: an admin
# sets anyone's, an account its own and nothing else; a bad address is 400 naming the field
# "email" in English and Chinese (not a string, no @, two, more than 64 bytes before the @ or
# 254 in all, an empty part between dots, a comma or a line break); null takes it away. Each
# change is audited.
$ bangfu init > /dev/null
$ for a in 'boss admin' 'wang planner' 'tongji unit --unit U048'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as boss PATCH /api/v1/users/tongji '{"email":"tongji@stats.gd.gov.cn"}' | sed 1d | jq -c '[.name, .role, .unit, .email]'
["tongji","unit","U048","tongji@stats.gd.gov.cn"]
$ as wang PATCH /api/v1/users/wang '{"email":"wang@gd.gov.cn"}' | sed 1d | jq -c '[.name, .email]'
["wang","wang@gd.gov.cn"]
$ as wang PATCH /api/v1/users/tongji '{"email":"wang@gd.gov.cn"}' | sed -n 1p; as wang PATCH /api/v1/users/wang '{"role":"admin"}' | sed -n 1p
HTTP 403
HTTP 403
$ long=$(printf 'a%.0s' $(seq 65)); huge=$(printf 'b%.0s' $(seq 250)); for v in 5 '"wang"' '"w@x@gd.cn"' "\"$long@gd.cn\"" "\"w@$huge.cn\"" '"wang@gd..cn"' '"wang.@gd.cn"' '"a@b.cn, c@d.cn"' '"a@b.cn\r\nBcc: c@d.cn"'; do as wang PATCH /api/v1/users/wang "{\"email\":$v}" | sed 1d | jq -r '"\(.error.code) \(.error.field) \(.error.message | gsub("[\r\n]"; "~") | .[0:22])"'; done
invalid_input email email: give a string
invalid_input email email 'wang' is not an
invalid_input email email 'w@x@gd.cn' is n
invalid_input email email 'aaaaaaaaaaaaaaa
invalid_input email email 'w@bbbbbbbbbbbbb
invalid_input email email 'wang@gd..cn' is
invalid_input email email 'wang.@gd.cn' is
invalid_input email email 'a@b.cn, c@d.cn'
invalid_input email email 'a@b.cn~~Bcc: c@
$ as wang PATCH /api/v1/users/wang '{"email":"wang@gd..cn"}' | sed 1d | jq -r '.error | .message, .message_zh'
email 'wang@gd..cn' is not an e-mail address such as wang@gd.gov.cn (at most 254 characters, 64 before the @; no spaces, brackets, commas, quotes or empty parts between dots)
email：“wang@gd..cn”不是有效的电子邮件地址（如 wang@gd.gov.cn；最多 254 个字符，@ 前最多 64 个；不含空格、括号、逗号、引号，点号之间不能为空）
$ as wang PATCH /api/v1/users/wang '{"email":null}' | sed 1d | jq -c '[.name, .email]'; as boss GET /api/v1/users | sed 1d | jq -c '[.items[] | [.name, .email]]'
["wang",null]
[["admin",null],["boss",null],["tongji","tongji@stats.gd.gov.cn"],["wang",null]]
$ sqlite3 bangfu.db "SELECT account, action, key, json_extract(before, '$.email'), json_extract(after, '$.email') FROM audit WHERE entity = 'account' AND action = 'update' ORDER BY id"
boss|update|tongji||tongji@stats.gd.gov.cn
wang|update|wang||wang@gd.gov.cn
wang|update|wang|wang@gd.gov.cn|
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
