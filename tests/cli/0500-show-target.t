# show target 440881: the record, its group with members, its cadres and indicators.
$ bangfu init > /dev/null
$ bangfu show target 440881 --as-of 2026-06-30

[target]
  adcode      440881
  name_zh     廉江市
  name_en     Lianjiang City
  prefecture  湛江市
  kind        county_city
  old_area    0
  classes     coastal
  region      沿海经济带-西翼
  lon         110.137
  lat         21.705
  verified    1
  note        group published (南方杂志 2024-05-29)

[groups] 1
id            round      target  target_name  verified  members
------------  ---------  ------  -----------  --------  ------------------------------------------------------------------------------------------------------
G2023-440881  2023-2026  440881  廉江市       1         U048 省统计局 lead; U111 广东省港航集团有限公司 member; U132 中国国家铁路集团有限公司广州局集团 member

[cadres] 4
id     name    unit  group         rank      post                    start       planned_end  actual_end  predecessor  verified  note                   unit_name                           on_post  successor
-----  ------  ----  ------------  --------  ----------------------  ----------  -----------  ----------  -----------  --------  ---------------------  ----------------------------------  -------  ---------
C0050  陈卫军  U048  G2023-440881  division  市委副书记              2023-12-20  2026-12-19                            0         示例数据 illustrative  省统计局                            yes
C0051  许晓    U111  G2023-440881  middle    市自然资源局副局长      2023-12-20  2026-12-19                            0         示例数据 illustrative  广东省港航集团有限公司              yes
C0052  古丽韵  U111  G2023-440881  middle    副市长                  2024-05-16  2026-12-31                            0         示例数据 illustrative  广东省港航集团有限公司              yes
C0053  温坚清  U132  G2023-440881  middle    市工业园区管委会副主任  2024-05-05  2026-12-31                            0         示例数据 illustrative  中国国家铁路集团有限公司广州局集团  yes

[indicators] 8
name            year  value    unit       quality   source
--------------  ----  -------  ---------  --------  -----------------------------------------------------------------------------
gdp             2019  493.55   100m_yuan  official  S08 广东县级市2019年GDP article (ppfocus.com); confidence medium-low
gdp             2023  555.76   100m_yuan  estimate  S14 湛江各区县2023年GDP article (www.bkwk.cn); confidence low
gdp             2024  579.15   100m_yuan  official  S15 湛江各县区2024年GDP article (wanbiaoku.com); confidence medium-low
land_area       2023  2798     km2        approx    area of a simplified boundary polygon (GHSL via tudigong), approximation
n_subdistricts  2023  3        count      official  NBS 2023 township-level division codes (as of 2023-06-30)
n_towns         2023  18       count      official  NBS 2023 township-level division codes (as of 2023-06-30)
n_townships     2023  0        count      official  NBS 2023 township-level division codes (as of 2023-06-30)
pop_resident    2020  1363470  persons    official  2020 census by county (NBS Tabulation 2022) via tudigong input/population.csv
