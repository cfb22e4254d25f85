# show with a key that does not exist exits 1 and says what was not found; an unknown kind
# is a usage error.
$ bangfu init > /dev/null
$ bangfu show target 449999 --as-of 2026-06-30
bangfu: no target '449999'
[1]
$ bangfu show unit U999 --as-of 2026-06-30
bangfu: no unit 'U999'
[1]
$ bangfu show group G2023-449999 --as-of 2026-06-30
bangfu: no group 'G2023-449999'
[1]
$ bangfu show cadre C9999 --as-of 2026-06-30
bangfu: no cadre 'C9999'
[1]
$ bangfu show county 440881 --as-of 2026-06-30
bangfu show: cannot show 'county': say target, unit, group or cadre
(see: bangfu show --help)
[2]
