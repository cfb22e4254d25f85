# The server's digests when the mail server fails (docs/cycle.md "Inbox and digests"):
# --digest-time without --smtp-url sends nothing and says so in the log; a mail server that
# refuses the connection fails each message, every failure is logged with its reason and in
# digest_log, and the server goes on answering; a restart the same day tries the failed ones
# again. A mail server that accepts the connection and never answers (mute) holds the round on
# its own thread: requests are answered meanwhile, and a stop gives up the message in flight
# at once, whatever --smtp-timeout is. A password file that cannot be read is said at the
# start, and a password in the URL is never logged.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ echo 'a long enough secret' | bangfu user add lead --role unit --unit U048 --email lead@u048.gd.test --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add county --role county --target 440881 --email county@lianjiang.gd.test --password-stdin > /dev/null
$ (python3 -c 'import socket, time; s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(120)' > mute & echo $! >> .pids); i=0; while [ ! -s mute ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; test -s mute
$ serve-bg --digest-time 07:30 --mail-from bangfu@gd.test; i=0; while ! grep -q '"digest_round"' server.log && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; grep '"digest' server.log | jq -r .reason
--digest-time 07:30 is set but no --smtp-url: the server sends no digests
$ p=$(tail -n 1 .pids); kill $p; while kill -0 $p 2>/dev/null; do sleep 0.05; done; serve-bg --digest-time 00:00 --smtp-url smtp://127.0.0.1:1 --mail-from bangfu@gd.test
$ i=0; while ! grep -q 'the digests of' server.log && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; grep '"digest_' server.log | jq -r '.event + ": " + .reason' | sed -E "s/ after [0-9]+ ms//; s/$(date +%F)/TODAY/"
digest_round: a digest round every day at or after 00:00 (local time) through smtp://127.0.0.1:1
digest_failed: county <county@lianjiang.gd.test>: not sent: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
digest_failed: lead <lead@u048.gd.test>: not sent: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
digest_round: the digests of TODAY: 0 sent, 2 failed, 0 deferred, 0 with nothing to do, 0 had theirs lately (2 accounts with an e-mail address)
$ api GET /api/v1/health | sed -n 1p
HTTP 200
$ sqlite3 bangfu.db "SELECT account, status, error LIKE 'Couldn''t connect%' FROM digest_log ORDER BY id"
county|failed|1
lead|failed|1
$ p=$(tail -n 1 .pids); kill $p; while kill -0 $p 2>/dev/null; do sleep 0.05; done; serve-bg --digest-time 00:00 --smtp-url smtp://127.0.0.1:$(cat mute) --smtp-timeout 60 --mail-from bangfu@gd.test
$ sleep 0.3; s=$(date +%s%N); api GET /api/v1/health | sed -n 1p; echo "answered in under a second: $(( $(date +%s%N) - s < 1000000000 ))"; echo "rounds ended: $(grep -c 'the digests of' server.log)"
HTTP 200
answered in under a second: 1
rounds ended: 0
$ p=$(tail -n 1 .pids); s=$(date +%s); kill $p; while kill -0 $p 2>/dev/null; do sleep 0.05; done; echo "stopped within 5 s of a 60 s timeout: $(( $(date +%s) - s <= 5 ))"; grep '"digest_' server.log | jq -r '.event + ": " + .reason' | sed -E "s/$(date +%F)/TODAY/"; echo "sanitizer reports: $(grep -c Sanitizer server.log)"
stopped within 5 s of a 60 s timeout: 1
digest_round: a digest round every day at or after 00:00 \(local time\) through smtp://127\.0\.0\.1:[0-9]+ (re)
digest_failed: county <county@lianjiang.gd.test>: not sent: given up: the server is stopping
digest_round: the digests of TODAY: 0 sent, 1 failed, 0 deferred, 0 with nothing to do, 0 had theirs lately (1 account with an e-mail address so far); the server stopped before the round's end: the rest wait for the next round
sanitizer reports: 0
$ sqlite3 bangfu.db "SELECT account, status, substr(error, 1, 18) FROM digest_log ORDER BY id"
county|failed|Couldn't connect t
lead|failed|Couldn't connect t
county|failed|given up: the serv
$ serve-bg --digest-time 00:00 --smtp-url 'smtp://bob:s3cret@127.0.0.1:1' --smtp-password-file nowhere.txt --mail-from bangfu@gd.test; i=0; while ! grep -q 'were not sent' server.log && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; grep '"digest_' server.log | jq -r '.event + ": " + .reason' | sed -E "s/$(date +%F)/TODAY/"; grep -c s3cret server.log
digest_round: a digest round every day at or after 00:00 (local time) through smtp://***@127.0.0.1:1
digest_failed: --smtp-password-file: nowhere.txt: cannot open: No such file or directory; no digest will be sent until it can be read; fix it, then restart the server
digest_failed: the digests of TODAY were not sent: nowhere.txt: cannot open: No such file or directory; fix it, then restart the server or run `bangfu digest send`
0
[1]
