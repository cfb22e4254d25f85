# The database is --db PATH (also --db=PATH), else $BANGFU_DB, else ./bangfu.db.
$ BANGFU_DB=env.db bangfu init --empty
created env.db (empty)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu --db=opt.db init --empty
created opt.db (empty)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu --db opt.db report summary --as-of 2026-06-30 --format json | grep '"units"'
  "units": 0,
$ BANGFU_DB=env.db bangfu --db opt.db check --as-of 2026-06-30
bangfu: the database has no round yet; import rounds.csv
[1]
$ ls *.db
env.db
opt.db
