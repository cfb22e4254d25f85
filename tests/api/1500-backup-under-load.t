# bangfu backup while the server writes: copying bangfu.db lost acknowledged writes; the
# online backup must hold every write acknowledged before it started (tests/api/backup-load).
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null
$ $TESTDIR/api/backup-load 5
5 backups under load: every acknowledged write before each is in it
$ api -q GET /api/v1/health | jq -r .status
ok
