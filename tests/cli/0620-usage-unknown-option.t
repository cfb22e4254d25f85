# Unknown options, global or per command, exit 2.
$ bangfu --frob
bangfu: unknown option '--frob'
(see: bangfu --help)
[2]
$ bangfu report summary --frob
bangfu report: unknown option '--frob'
(see: bangfu report --help)
[2]
$ bangfu init --frob
bangfu init: unknown option '--frob'
(see: bangfu init --help)
[2]
$ bangfu import --frob
bangfu import: unknown option '--frob'
(see: bangfu import --help)
[2]
