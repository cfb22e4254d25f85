# report shares (S10) on the bundled data: land 72.1 %, population 28.15 %, GDP unknown
# (county GDP for a year the province has: 2022, 4 of 57 counties, 台山, 兴宁, 南澳 and 普宁 (its
# 2022 figure an estimate, counted in approximate_values); the note says how many counties lack
# it), as JSON.
$ bangfu init > /dev/null
$ bangfu report shares --as-of 2026-06-30 --format json
{
  "land_share": 72.1,
  "population_share": 28.15,
  "gdp_share": null,
  "items": [
    {
      "measure": "land",
      "indicator": "land_area",
      "share": 72.1,
      "year": 2023,
      "counties_with_data": 57,
      "counties": 57,
      "counties_missing": 0,
      "approximate_values": 47,
      "counties_total": 129633.03,
      "province_total": 179800.0,
      "article": 71.7,
      "note": null
    },
    {
      "measure": "population",
      "indicator": "pop_resident",
      "share": 28.15,
      "year": 2020,
      "counties_with_data": 57,
      "counties": 57,
      "counties_missing": 0,
      "approximate_values": 0,
      "counties_total": 35470120.0,
      "province_total": 126012510.0,
      "article": 28.0,
      "note": null
    },
    {
      "measure": "gdp",
      "indicator": "gdp",
      "share": null,
      "year": 2022,
      "counties_with_data": 4,
      "counties": 57,
      "counties_missing": 53,
      "approximate_values": 1,
      "counties_total": 1382.92,
      "province_total": 129118.58,
      "article": 12.4,
      "note": "gdp for 2022: 53 of the 57 counties lack a value (4 with one); the share needs all of them"
    }
  ]
}
