# E-mail digests (issue 12 §5, docs/cycle.md "Inbox and digests"): `bangfu digest send` hands
# each account with an e-mail address its inbox as one message to a REAL local SMTP server
# (tests/bin/smtp-sink, Python's smtpd), which writes what arrives; tests/bin/mail-read decodes
# it as a mail reader would (the RFC 2047 subject, the base64 UTF-8 body). The fixture is
# 1840's (as of 2026-12-02). An account gets one digest a day (digest_log); a failure is
# reported with its reason, logged, and the exit status is 1; --digest-max bounds a run, and
# the accounts longest without a digest go first (the next day's capped run reaches the other).
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "DELETE FROM cadre WHERE id = 'C0053'; UPDATE commitment SET status = 'delivered', confirmed_on = NULL, delivered_on = '2026-11-20', evidence = '签约5家' WHERE id = 2"
$ echo 'a long enough secret' | bangfu user add lead --role unit --unit U048 --email lead@u048.gd.test --password-stdin
added account lead (unit)
$ echo 'a long enough secret' | bangfu user add county --role county --target 440881 --password-stdin > /dev/null && bangfu user email county county@lianjiang.gd.test
the e-mail address of county is county@lianjiang.gd.test
$ echo 'a long enough secret' | bangfu user add auditor --role auditor --email audit@gd.test --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add member --role unit --unit U111 --password-stdin > /dev/null
$ bangfu user email member 'x@y.cn>, z@w.cn'
bangfu: email 'x@y.cn>, z@w.cn' is not an e-mail address such as wang@gd.gov.cn (at most 254 characters, 64 before the @; no spaces, brackets, commas, quotes or empty parts between dots)
[1]
$ bangfu user list | head -n 1 | grep -o email
email
$ sqlite3 bangfu.db "SELECT name, IFNULL(email, '-') FROM account WHERE name <> 'admin' ORDER BY name"
auditor|audit@gd.test
county|county@lianjiang.gd.test
lead|lead@u048.gd.test
member|-
$ bangfu digest send --as-of 2026-12-02
bangfu: no mail server is set: give --smtp-url smtp://HOST:PORT (or BANGFU_SMTP_URL, or smtp-url in the settings file)
[1]
$ (smtp-sink mails > /dev/null 2>&1 & echo $! >> .pids); i=0; while [ ! -f mails/port ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; test -f mails/port
$ bangfu digest send --as-of 2026-12-02 --dry-run | sed -n '1,8p'
skipped  auditor <audit@gd.test>: nothing to do
dry-run  county <county@lianjiang.gd.test>: 3 items: 【帮扶待办】3项待办 · bangfu inbox: 3 items (2026-12-02)
    county，您好：
    截至2026-12-02，您在组团纵向帮扶管理系统中有3项待办。
    Hello county, as of 2026-12-02 you have 3 items to do in bangfu.
    
    【帮扶事项逾期 · Commitment overdue】2
    - 帮扶事项“高标准农田”（U048，廉江市）已逾期611天（截止2025-03-31）
$ ls mails
port
$ bangfu digest send --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test --as-of 2026-12-02
skipped  auditor <audit@gd.test>: nothing to do
sent     county <county@lianjiang.gd.test>: 3 items: 【帮扶待办】3项待办 · bangfu inbox: 3 items (2026-12-02)
sent     lead <lead@u048.gd.test>: 15 items: 【帮扶待办】15项待办 · bangfu inbox: 15 items (2026-12-02)
digests: 2 sent, 0 failed, 0 deferred, 1 with nothing to do, 0 had theirs lately (3 accounts with an e-mail address)
$ cat mails/*.env
bangfu@gd.test
county@lianjiang.gd.test
bangfu@gd.test
lead@u048.gd.test
$ mail-read mails/1.eml | sed -n '1,12p'
To: county@lianjiang.gd.test
Subject: 【帮扶待办】3项待办 · bangfu inbox: 3 items (2026-12-02)
Content-Type: text/plain utf-8 base64
county，您好：
截至2026-12-02，您在组团纵向帮扶管理系统中有3项待办。
Hello county, as of 2026-12-02 you have 3 items to do in bangfu.

【帮扶事项逾期 · Commitment overdue】2
- 帮扶事项“高标准农田”（U048，廉江市）已逾期611天（截止2025-03-31）
  Commitment "高标准农田" (U048, Lianjiang City) is overdue by 611 days (due 2025-03-31)
  #/commitments/1
- 帮扶事项“医护培训”（U132，廉江市）已逾期155天（截止2026-06-30）
$ mail-read mails/2.eml | grep -c 'commitments/'
1
$ grep -c '^Subject: =?UTF-8?B?' mails/1.eml
1
$ bangfu digest send --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test --as-of 2026-12-02
skipped  auditor <audit@gd.test>: nothing to do
skipped  county <county@lianjiang.gd.test>: its last digest was sent on 2026-12-02 (every 1 day)
skipped  lead <lead@u048.gd.test>: its last digest was sent on 2026-12-02 (every 1 day)
digests: 0 sent, 0 failed, 0 deferred, 1 with nothing to do, 2 had theirs lately (3 accounts with an e-mail address)
$ bangfu digest send --smtp-url smtp://127.0.0.1:1 --smtp-timeout 5 --mail-from bangfu@gd.test --as-of 2026-12-03 2>&1 | sed -E 's/ after [0-9]+ ms//'; echo "exit ${PIPESTATUS[0]}"
bangfu digest: county <county@lianjiang.gd.test>: not sent: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
bangfu digest: lead <lead@u048.gd.test>: not sent: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
skipped  auditor <audit@gd.test>: nothing to do
failed   county <county@lianjiang.gd.test>: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
failed   lead <lead@u048.gd.test>: Couldn't connect to server: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
digests: 0 sent, 2 failed, 0 deferred, 1 with nothing to do, 0 had theirs lately (3 accounts with an e-mail address)
exit 1
$ bangfu digest send --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test --as-of 2026-12-04 --digest-max 1 | tail -n 1
digests: 1 sent, 0 failed, 1 deferred, 1 with nothing to do, 0 had theirs lately (3 accounts with an e-mail address)
$ sqlite3 bangfu.db "SELECT account, day, email, items, status, error <> '' FROM digest_log ORDER BY id"
county|2026-12-02|county@lianjiang.gd.test|3|sent|0
lead|2026-12-02|lead@u048.gd.test|15|sent|0
county|2026-12-03|county@lianjiang.gd.test|3|failed|1
lead|2026-12-03|lead@u048.gd.test|15|failed|1
county|2026-12-04|county@lianjiang.gd.test|3|sent|0
$ ls mails | grep -c eml
3
$ bangfu digest send --smtp-url smtp://127.0.0.1:$(cat mails/port) --mail-from bangfu@gd.test --as-of 2026-12-05 --digest-max 1 | tail -n 1; sqlite3 bangfu.db "SELECT account, day FROM digest_log ORDER BY id DESC LIMIT 1"
digests: 1 sent, 0 failed, 1 deferred, 1 with nothing to do, 0 had theirs lately (3 accounts with an e-mail address)
lead|2026-12-05
$ bangfu digest send --mail-from 'a b@c' --as-of 2026-12-05
bangfu serve: command line: mail-from 'a b@c' is not valid (see bangfu serve --help)
[2]
