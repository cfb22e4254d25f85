# An option given without its value exits 2 and says so.
$ bangfu report summary --as-of
bangfu report: --as-of needs a value
(see: bangfu report --help)
[2]
$ bangfu --db
bangfu: --db needs a value
(see: bangfu --help)
[2]
