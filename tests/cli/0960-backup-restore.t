# bangfu backup FILE writes a whole, checked, single-file copy holding what export does not
# (accounts, the audit trail); bangfu restore FILE checks the file first (damaged, not bangfu,
# newer schema: refused, nothing changed) and keeps the database it replaces. A failed backup
# says why, and logs it as a JSON line.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin
added account wang (planner)
$ bangfu backup b.db
backed up bangfu.db to b.db: schema [0-9]+, 2 accounts, [0-9]+ audit rows, audit head [0-9]+:[0-9a-f]* (re)
$ sqlite3 b.db 'PRAGMA journal_mode; PRAGMA integrity_check'; ls b.db*
delete
ok
b.db
$ bangfu --db b.db user list | grep -c wang
1
$ bangfu --db b.db report summary --as-of 2026-06-30 --format json | grep '"cadres_on_post"'
  "cadres_on_post": 190
$ bangfu backup /nonexistent/dir/b.db
bangfu: /nonexistent/dir/b.db: cannot create the backup file: unable to open database file
\{"time":"[0-9TZ:-]+","event":"backup_failed","db":"bangfu.db","file":"/nonexistent/dir/b.db","reason":"/nonexistent/dir/b.db: cannot create the backup file: unable to open database file"\} (re)
[1]
$ bangfu backup bangfu.db
bangfu: bangfu.db: that is the database itself; give another file
\{"time":"[0-9TZ:-]+","event":"backup_failed",.*\} (re)
[1]
$ bangfu user disable wang > /dev/null && bangfu user list | grep -c 'wang .* yes '
1
$ bangfu restore b.db
restored bangfu.db from b.db: schema [0-9]+, 2 accounts, [0-9]+ audit rows, audit head [0-9]+:[0-9a-f]* (re)
the database as it was before is in bangfu.db.before-restore
$ bangfu user list | grep -c 'wang .* yes '; bangfu --db bangfu.db.before-restore user list | grep -c 'wang .* yes '
0
1
$ head -c 100000 b.db > cut.db && bangfu restore cut.db 2> err; head -n 2 err | sed -E 's/(database disk image is malformed|the database is damaged).*/damaged/'; grep -c '"event":"restore_failed","db":"bangfu.db","file":"cut.db"' err
bangfu: cut.db: (cannot read it as an SQLite database: )?damaged (re)
bangfu: nothing was restored
1
$ printf 'id,name\n' > notdb.db && bangfu restore notdb.db 2>&1 | head -n 2; true
bangfu: notdb.db: cannot read it as an SQLite database: file is not a database
bangfu: nothing was restored
$ cp b.db new.db && sqlite3 new.db 'PRAGMA user_version = 99' && bangfu restore new.db 2>&1 | head -n 2; true
bangfu: new.db: schema version 99: newer than this bangfu reads: upgrade bangfu
bangfu: nothing was restored
$ sqlite3 empty.db 'CREATE TABLE x(a)' && bangfu restore empty.db 2>&1 | head -n 2; true
bangfu: empty.db: schema version 0: not a bangfu database
bangfu: nothing was restored
$ bangfu user list | grep -c 'wang .* yes '
0
[1]
$ bangfu --db fresh.db restore b.db && bangfu --db fresh.db user list | grep -c wang
restored fresh.db from b.db: schema [0-9]+, 2 accounts, [0-9]+ audit rows, audit head [0-9]+:[0-9a-f]* (re)
1
