# A cached work report is sent as the cache's own bytes (a reference-counted blob, no copy): the
# bytes must stay alive and unchanged while a response is in flight, whatever the cache does
# meanwhile. 20 clients ask the same report 5 times each, half with gzip, while another client
# asks 57 other days (new answers: the ring of 64 evicts the old ones, the one being sent
# included) and a resource is added through the API (the work's counter moves: a new answer;
# the readers use a copy of the cookie jar, which the writer's curl rewrites).
# Every answer must be whole valid JSON equal to the report before the write or after it, the
# gzip'ed ones as well; the server (under ASan/UBSan with LeakSanitizer) reports nothing, at
# exit either (a reference never dropped is a leak).
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ echo 'a long enough secret' | bangfu user add wang --role admin --password-stdin
added account wang (admin)
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ curl -s -b jar "http://127.0.0.1:$(cat port)/api/v1/reports/work?as_of=2025-06-30" | jq -c . > before.json; jq '.total.yuan' before.json
32499999
$ cp jar readers.jar; B="http://127.0.0.1:$(cat port)/api/v1/reports/work"; U="$B?as_of=2025-06-30"; for i in $(seq 20); do (for k in 1 2 3 4 5; do if [ $((i % 2)) = 0 ]; then curl -s -b readers.jar -H 'Accept-Encoding: gzip' -o r$i-$k.gz "$U"; else curl -s -b readers.jar -o r$i-$k.json "$U"; fi; done) & done; curl -s -b readers.jar -H 'Accept-Encoding: gzip' "$B?as_of=2025-0[1-3]-[10-28]" > /dev/null & sleep 0.3; api -q POST /api/v1/resources '{"kind":"funds","amount":5,"target":"440881","unit":"U048","date":"2025-03-01"}' | jq -c '[.kind, .amount]'; wait
["funds",5]
$ curl -s -b jar "http://127.0.0.1:$(cat port)/api/v1/reports/work?as_of=2025-06-30" | jq -c . > after.json; jq '.total.yuan' after.json
32500004
$ ls r*.json r*.gz | wc -l; ls r*.gz | wc -l
100
50
$ for f in r[0-9]*; do case $f in *.gz) gzip -dc $f 2>/dev/null;; *) cat $f;; esac | jq -c . > n.json 2>/dev/null || { echo "$f: not JSON"; continue; }; if cmp -s n.json before.json; then echo before; elif cmp -s n.json after.json; then echo after; else echo "$f: neither: $(head -c 160 n.json)"; fi; done | grep -v -x -e before -e after
[1]
$ kill $(cat .pids); for i in $(seq 100); do kill -0 $(cat .pids) 2>/dev/null || break; sleep 0.1; done; grep -x "bangfu: stopped" server.log
bangfu: stopped
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
