# The server's own digests (docs/cycle.md "Inbox and digests"): with --digest-time and
# --smtp-url, `bangfu serve` runs one digest round a day at or after that local time, on a
# thread of the main thread's chores, to a REAL local SMTP server (tests/bin/smtp-sink). At
# 00:00 the day's round is due at once. The messages are those `bangfu digest send` composes
# (the same subjects as its dry run, the findings included); the round's outcome is a line of
# the server's log. A restart the same day runs the round again, and digest_log keeps each
# account to its one digest: no second mail, and one round per start, not one per tick.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "DELETE FROM cadre WHERE id = 'C0053'"
$ echo 'a long enough secret' | bangfu user add lead --role unit --unit U048 --email lead@u048.gd.test --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add county --role county --target 440881 --email county@lianjiang.gd.test --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add auditor --role auditor --email audit@gd.test --password-stdin > /dev/null
$ bangfu digest send --dry-run | sed -n 's/^dry-run .*items\{0,1\}: //p' > want; wc -l < want
2
$ (smtp-sink mails > /dev/null 2>&1 & echo $! >> .pids); i=0; while [ ! -f mails/port ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; test -f mails/port
$ serve-bg --digest-time 00:00 --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test
$ i=0; while ! grep -q 'the digests of' server.log && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; ls mails | grep -c eml
2
$ cat mails/*.env
bangfu@gd.test
county@lianjiang.gd.test
bangfu@gd.test
lead@u048.gd.test
$ mail-read mails/1.eml | sed -n '1p;6p' | tr -d '\r'
To: county@lianjiang.gd.test
Hello county, as of [0-9]{4}-[0-9]{2}-[0-9]{2} you have [0-9]+ items? to do in bangfu\. (re)
$ mail-read mails/*.eml | sed -n 's/^Subject: //p' | diff - want && echo the dry run\'s messages
the dry run's messages
$ mail-read mails/2.eml | grep -c '规则检查 · Rule finding'
1
$ grep '"digest_round"' server.log | jq -r .reason | sed "s/$(date +%F)/TODAY/"
a digest round every day at or after 00:00 \(local time\) through smtp://127\.0\.0\.1:[0-9]+ (re)
the digests of TODAY: 2 sent, 0 failed, 0 deferred, 1 with nothing to do, 0 had theirs lately (3 accounts with an e-mail address)
$ sqlite3 bangfu.db "SELECT account, day = date('now', 'localtime'), status FROM digest_log ORDER BY id"
county|1|sent
lead|1|sent
$ p=$(tail -n 1 .pids); kill $p; while kill -0 $p 2>/dev/null; do sleep 0.05; done; tail -n 2 server.log | sed -n 1p; echo "sanitizer reports: $(grep -c Sanitizer server.log)"
bangfu: stopped
sanitizer reports: 0
$ serve-bg --digest-time 00:00 --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test
$ i=0; while ! grep -q 'the digests of' server.log && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; sleep 2; ls mails | grep -c eml
2
$ grep 'the digests of' server.log | jq -r .reason | sed "s/$(date +%F)/TODAY/"
the digests of TODAY: 0 sent, 0 failed, 0 deferred, 1 with nothing to do, 2 had theirs lately (3 accounts with an e-mail address)
$ sqlite3 bangfu.db "SELECT count(*) FROM digest_log"
2
