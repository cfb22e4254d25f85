# report shares (S10) on the bundled data: land 72.1 %, population 28.15 %, GDP unknown
# (no county GDP for the province's years: the note says how many counties lack it), as JSON.
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
      "year": 2023,
      "counties_with_data": 0,
      "counties": 57,
      "counties_missing": 57,
      "approximate_values": 0,
      "counties_total": null,
      "province_total": 135673.16,
      "article": 12.4,
      "note": "gdp for 2023: none of the 57 counties has a value; the share needs all of them"
    }
  ]
}
