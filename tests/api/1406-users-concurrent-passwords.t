# Passwords checked at once: libpwquality asks cracklib, which keeps its open dictionary in
# static state and refuses a second open, so two requests checking a password together used to
# fail one of them with "error loading dictionary" (2 of 40 here). The server checks one at a
# time: 40 accounts created by 40 concurrent requests are all created, and 200 concurrent
# requests with a word of the dictionary as password are all refused for that reason. cracklib's
# other verdict says so in Chinese too.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user passwd admin --password-stdin > /dev/null
$ serve-bg
$ api login admin 'a long enough secret' > /dev/null; for i in $(seq 1 40); do curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -H 'Content-Type: application/json' -d "{\"name\":\"u$i\",\"role\":\"auditor\",\"password\":\"a long enough secret number $i\"}" -o r$i.json -w '%{http_code}\n' http://127.0.0.1:$(cat port)/api/v1/users & done | sort | uniq -c | sed 's/^ *//'; wait
40 201
$ cat r*.json | jq -r '.error.message // empty' | sort | uniq -c
$ api -q GET /api/v1/users | jq .total
41
$ for i in $(seq 1 200); do curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -H 'Content-Type: application/json' -d "{\"name\":\"weak$i\",\"role\":\"auditor\",\"password\":\"responsibilities\"}" http://127.0.0.1:$(cat port)/api/v1/users | jq -r .error.message & done | sort | uniq -c | sed 's/^ *//'; wait
200 口令基于字典中的单词，请另选; the password fails the dictionary check - it is based on a dictionary word: choose another
$ echo DCtW2SMheFbc3GFe | bangfu user add plain --role auditor --password-stdin
bangfu: 口令过于简单或有规律，请另选; the password fails the dictionary check - it is too simplistic/systematic: choose another
[1]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
