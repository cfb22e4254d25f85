# Deleting rows from the end of the audit trail leaves a chain that verifies: only a copy of
# its head kept elsewhere shows the cut. The server logs the head (ID:HASH) as a JSON line at
# start, every --audit-head-seconds and at stop (row 1 is `user add`'s, then 4 writes); `audit verify --head ID:HASH` proves that row
# is still there unchanged, and says CUT or REWRITTEN (exit 1) when it is not.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg --audit-head-seconds 1
$ grep -c '"event":"audit_head","at":"start","head":"1:' server.log
1
$ api login boss 'a long enough secret' > /dev/null; for i in 1 2 3 4; do api -q PATCH /api/v1/cadres/C0001 "{\"note\":\"n$i\"}" > /dev/null; done; sleep 2.5; grep '"at":"periodic"' server.log | tail -n 1 | jq -r .head | cut -d: -f1
5
$ kill $(cat .pids); for i in $(seq 100); do grep -q '"at":"stop"' server.log && break; sleep 0.1; done; grep '"at":"stop"' server.log | jq -r .head > head; cut -d: -f1 head; grep -c '"at":"stop","head":"5:[0-9a-f]\{64\}"' server.log
5
1
$ bangfu audit verify --head "$(cat head)" | sed "s/$(cut -d: -f2 head)/HASH/g"
audit trail intact: 5 rows, every hash matches
head 5:HASH is there, unchanged; the trail now ends at 5:HASH
$ sqlite3 bangfu.db 'DELETE FROM audit WHERE id > 2'; bangfu audit verify
audit trail intact: 2 rows, every hash matches
$ bangfu audit verify --head "$(cat head)" | sed 's/[0-9a-f]\{64\}/HASH/g'
audit trail CUT: row 5, a head logged earlier, is gone; the trail now ends at 2:HASH: rows were deleted from its end (2 rows read)
[1]
$ serve-bg && api login boss 'a long enough secret' > /dev/null; for i in 5 6 7; do api -q PATCH /api/v1/cadres/C0001 "{\"note\":\"n$i\"}" > /dev/null; done; bangfu audit verify --head "$(cat head)"
audit trail REWRITTEN: row 5 no longer has the hash logged for it: it, or a row before it, was changed and the chain recomputed
[1]
$ bangfu audit verify --head 5:xyz
bangfu: --head '5:xyz': write ID:HASH as the server logged it ("audit_head" lines), e.g. 1234:9f2c…(64 hex digits)
[1]
