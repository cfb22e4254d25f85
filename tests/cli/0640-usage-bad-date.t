# --as-of must be a real date: month 13 or 30 February exit 2.
$ bangfu report summary --as-of 2026-13-01
bangfu report: --as-of '2026-13-01' is not a date (YYYY-MM-DD or today)
(see: bangfu report --help)
[2]
$ bangfu check --as-of 2026-02-30
bangfu check: --as-of '2026-02-30' is not a date (YYYY-MM-DD or today)
(see: bangfu check --help)
[2]
$ bangfu show target 440881 --as-of 30/06/2026
bangfu show: --as-of '30/06/2026' is not a date (YYYY-MM-DD or today)
(see: bangfu show --help)
[2]
