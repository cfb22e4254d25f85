# --round with a name that is not a round: the error lists the rounds there are.
$ bangfu init > /dev/null
$ bangfu report summary --round 2020-2023 --as-of 2026-06-30
bangfu: no round named '2020-2023' (rounds: 2023-2026)
[1]
$ bangfu check --round 2020-2023 --as-of 2026-06-30
bangfu: no round named '2020-2023' (rounds: 2023-2026)
[1]
$ bangfu report summary --round 2023-2026 --as-of 2030-01-01 --format json
{
  "round": "2023-2026",
  "as_of": "2030-01-01",
  "units": 156,
  "units_assisting": 156,
  "targets": 62,
  "covered": 62,
  "groups": 62,
  "cadres_on_post": 0
}
