# init refuses to overwrite an existing database; --force replaces it (here: empty -> bundled).
$ bangfu init --empty
created bangfu.db (empty)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu init
bangfu: bangfu.db already exists; use --force to replace it (its data will be lost: export it first)
[1]
$ bangfu init --force > /dev/null && bangfu report summary --as-of 2026-06-30 --format json | grep '"targets"'
  "targets": 62,
$ bangfu --db other.db report summary --as-of 2026-06-30
bangfu: other.db: no such database; create it with `bangfu init` (or give another with --db PATH or BANGFU_DB)
[1]
