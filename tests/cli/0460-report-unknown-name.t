# An unknown report name is a usage error (exit 2).
$ bangfu init > /dev/null
$ bangfu report nosuch --as-of 2026-06-30
bangfu report: no report named 'nosuch' (reports: summary, coverage, groups, cadres, rotations, shares, indicators, work)
(see: bangfu report --help)
[2]
