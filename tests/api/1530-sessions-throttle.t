# Sign-in throttling, timing, sessions. (1) Invented names tried from an address shared with
# an attacker (25 failures from 127.0.0.1) do not lock out the right password of a real
# account from there. (2) A real account's delay survives a flood of invented names chosen to
# fall on its slot of the old 256-slot table (127.0.0.2 floods; 127.0.0.3-5 are the account's
# attempts). (3) A wrong password for a real account, an unknown name and a disabled account
# take comparable time (an Argon2id check each: the median ratios stay within 1:3).
# (4) --sessions-per-account 3: a fourth sign-in ends the oldest. (5) Expired sessions are
# deleted (at sign-in and every minute). (6) The idle timeout is exact, also under 60 s: a
# session used every second lives on with --session-idle 4, and ends 4 s after its last use.
# (7) The API refuses weak passwords like the CLI, saying why.
$ bangfu init > /dev/null && for u in wang boss r1 r2 r3 r4 gone; do echo 'a long enough secret' | bangfu user add $u --role planner --password-stdin > /dev/null; done; bangfu user disable gone > /dev/null; echo 'a long enough secret' | bangfu user add root --role admin --password-stdin > /dev/null
$ serve-bg --sessions-per-account 3
$ login() { curl -s -o /dev/null -w '%{http_code}\n' --interface "$1" -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" http://127.0.0.1:$(cat port)/api/v1/session; }; declare -f login > fn.sh
$ . ./fn.sh; for i in $(seq 25); do login 127.0.0.1 "nobody$i" wrong; done | sort | uniq -c | sed 's/^ *//'
19 401
6 429
$ . ./fn.sh; login 127.0.0.1 wang 'a long enough secret'
200
$ . ./fn.sh; for i in 1 2 3 4 5; do login 127.0.0.3 boss wrong; done | sort | uniq -c | sed 's/^ *//'; sleep 2.2
5 401
$ python3 -c 'exec("def h(s):\n x=5381\n for c in s.encode(): x=(x*33+c)%2**64\n return x%256\nt=h(\"n:boss\")\nn=[k for k in (\"f%d\"%i for i in range(20000)) if h(\"n:\"+k)==t][:12]\nprint(\"\\n\".join(n))")' > flood.txt; . ./fn.sh; while read n; do login 127.0.0.2 "$n" wrong; done < flood.txt | sort -u
401
$ . ./fn.sh; sleep 2.2; login 127.0.0.4 boss wrong; login 127.0.0.5 boss 'a long enough secret'
401
429
$ . ./fn.sh; t() { curl -s -o /dev/null -w '%{time_total}\n' --interface 127.0.0.6 -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"wrong\"}" http://127.0.0.1:$(cat port)/api/v1/session; }; for u in r1 r2 r3 r4; do t $u; done | sort -n | sed -n 2p > real; for u in x1 x2 x3 x4; do t $u; done | sort -n | sed -n 2p > unknown; for i in 1 2 3 4; do t gone; done | sort -n | sed -n 2p > disabled; for f in unknown disabled; do awk -v a="$(cat real)" -v b="$(cat $f)" -v f=$f 'BEGIN { r = a / b; print f ": " (r > 1/3 && r < 3 ? "comparable" : "NOT comparable, ratio " r) }'; done
unknown: comparable
disabled: comparable
$ for i in 1 2 3 4; do mkdir s$i; cp port s$i/; (cd s$i && api login wang 'a long enough secret' | sed -n 1p); done; for i in 1 2 3 4; do (cd s$i && api GET /api/v1/session | sed -n 1p); done
HTTP 200
HTTP 200
HTTP 200
HTTP 200
HTTP 401
HTTP 200
HTTP 200
HTTP 200
$ sqlite3 bangfu.db "SELECT count(*) FROM session WHERE account = 'wang'"
3
$ kill $(cat .pids) && rm .pids && serve-bg --session-idle 4 && cp port s1/ && cp port s2/
$ sleep 6; (cd s1 && api login r1 'a long enough secret' | sed -n 1p); sqlite3 bangfu.db "SELECT account FROM session"
HTTP 200
r1
$ cd s2 && api login wang 'a long enough secret' > /dev/null && for i in 1 2 3 4 5 6 7; do sleep 1; api GET /api/v1/session | sed -n 1p; done
HTTP 200
HTTP 200
HTTP 200
HTTP 200
HTTP 200
HTTP 200
HTTP 200
$ cd s2 && sleep 2 && api GET /api/v1/session | sed -n 1p; sleep 5; api GET /api/v1/session | sed -n 1p; api -q GET /api/v1/session | jq -r .error.code
HTTP 200
HTTP 401
unauthorized
$ cd s2 && api login root 'a long enough secret' > /dev/null; api -q POST /api/v1/users '{"name":"x1","role":"auditor","password":"00000001"}' | jq -r .error.message
同一个字符连续出现超过 3 次，请另选; the password contains more than 3 same characters consecutively: choose another
