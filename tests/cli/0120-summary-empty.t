# On an empty database (init --empty) the summary counts are zero and the round is null;
# check says there is no round yet.
$ bangfu init --empty
created bangfu.db (empty)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu report summary --as-of 2026-06-30 --format json
{
  "round": null,
  "as_of": "2026-06-30",
  "units": 0,
  "units_assisting": 0,
  "targets": 0,
  "covered": 0,
  "groups": 0,
  "cadres_on_post": 0
}
$ bangfu report coverage --as-of 2026-06-30 --format json
{
  "round": null,
  "targets": 0,
  "covered": 0,
  "uncovered": []
}
$ bangfu report summary --as-of 2026-06-30
round
as_of            2026-06-30
units            0
units_assisting  0
targets          0
covered          0
groups           0
cadres_on_post   0
$ bangfu check --as-of 2026-06-30
bangfu: the database has no round yet; import rounds.csv
[1]
