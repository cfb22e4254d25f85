# All reports on the small data set (3 targets, one of them a district; 5 units; 7 cadres).
$ bangfu init --empty > /dev/null
$ bangfu import $TESTDIR/data/small > /dev/null
$ bangfu report summary --as-of 2026-06-30
round            2023-2026
as_of            2026-06-30
units            5
units_assisting  5
targets          3
covered          3
groups           3
cadres_on_post   6
$ bangfu report coverage --as-of 2026-06-30 --format json
{
  "round": "2023-2026",
  "targets": 3,
  "covered": 3,
  "uncovered": []
}
$ bangfu report groups --as-of 2026-06-30
round  2023-2026

[items] 3
id        target  target_name  prefecture  lead  lead_name  members  member_names  cadres_on_post  verified
--------  ------  -----------  ----------  ----  ---------  -------  ------------  --------------  --------
G-440881  440881  廉江市       湛江市      U1    甲厅       U2       乙集团        2               1
G-441402  441402  梅江区       梅州市      U3    丙银行     U2       乙集团        2               0
G-441481  441481  兴宁市       梅州市      U4    丁大学     U5       戊厅          2               0
$ bangfu report cadres --as-of 2026-06-30
round  2023-2026
as_of  2026-06-30

[items] 7
id  name  unit  unit_name  target  target_name  rank      post            start       planned_end  actual_end  on_post  verified
--  ----  ----  ---------  ------  -----------  --------  --------------  ----------  -----------  ----------  -------  --------
C1  张一  U1    甲厅       440881  廉江市       division  市委副书记      2023-12-23  2026-12-22               yes      0
C2  李二  U2    乙集团     440881  廉江市       middle    副市长          2024-05-08  2027-05-07               yes      0
C3  王三  U3    丙银行     441402  梅江区       division  区委副书记      2024-01-02  2027-01-01               yes      0
C4  赵四  U2    乙集团     441402  梅江区       section   区工信局副局长  2024-01-02  2026-07-15   2024-06-30  no       0
C5  钱五  U2    乙集团     441402  梅江区       section   区工信局副局长  2024-07-01  2027-06-30               yes      0
C6  孙六  U4    丁大学     441481  兴宁市       division  市委副书记      2024-03-01  2027-02-28               yes      0
C7  周七  U5    戊厅       441481  兴宁市       middle    市教育局副局长  2024-03-01  2026-07-20               yes      0
$ bangfu report rotations --as-of 2026-06-30 --within 30
round        2023-2026
as_of        2026-06-30
within_days  30

[items] 1
end         days_left  id  name  unit  unit_name  target  target_name  rank    post            successor  successor_start  handover_days  handover
----------  ---------  --  ----  ----  ---------  ------  -----------  ------  --------------  ---------  ---------------  -------------  --------
2026-07-20  20         C7  周七  U5    戊厅       441481  兴宁市       middle  市教育局副局长
$ bangfu report shares --as-of 2026-06-30 --format json
{
  "land_share": 2.71,
  "population_share": null,
  "gdp_share": 0.81,
  "items": [
    {
      "measure": "land",
      "indicator": "land_area",
      "share": 2.71,
      "year": 2023,
      "counties_with_data": 2,
      "counties": 2,
      "counties_missing": 0,
      "approximate_values": 1,
      "counties_total": 4873.0,
      "province_total": 179800.0,
      "article": 71.7,
      "note": null
    },
    {
      "measure": "population",
      "indicator": "pop_resident",
      "share": null,
      "year": 2020,
      "counties_with_data": 1,
      "counties": 2,
      "counties_missing": 1,
      "approximate_values": 0,
      "counties_total": 1363470.0,
      "province_total": 126012510.0,
      "article": 28.0,
      "note": "pop_resident for 2020: 1 of the 2 counties lack a value (1 with one); the share needs all of them"
    },
    {
      "measure": "gdp",
      "indicator": "gdp",
      "share": 0.81,
      "year": 2023,
      "counties_with_data": 2,
      "counties": 2,
      "counties_missing": 0,
      "approximate_values": 0,
      "counties_total": 1100.75,
      "province_total": 135673.16,
      "article": 12.4,
      "note": null
    }
  ]
}
