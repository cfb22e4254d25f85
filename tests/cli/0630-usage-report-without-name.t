# report without a report name exits 2 and lists the reports.
$ bangfu report
bangfu report: give one report name (summary, coverage, groups, cadres, rotations, shares, indicators, work)
(see: bangfu report --help)
[2]
