# report rotations: terms ending within --within days of --as-of, soonest first, with the
# successor when one is named.
$ bangfu init > /dev/null
$ bangfu report rotations --as-of 2026-11-17 --within 32
round        2023-2026
as_of        2026-11-17
within_days  32

[items] 4
end         days_left  id     name    unit  unit_name               target  target_name  rank      post                successor
----------  ---------  -----  ------  ----  ----------------------  ------  -----------  --------  ------------------  ---------
2026-12-19  32         C0050  陈卫军  U048  省统计局                440881  廉江市       division  市委副书记
2026-12-19  32         C0051  许晓    U111  广东省港航集团有限公司  440881  廉江市       middle    市自然资源局副局长
2026-12-19  32         C0078  冯琳丽  U014  省委党校                441225  封开县       division  县委副书记
2026-12-19  32         C0112  袁宇磊  U033  省生态环境厅            441426  平远县       division  县委副书记
$ bangfu report rotations --as-of 2024-07-01 --within 40 --format json
{
  "round": "2023-2026",
  "as_of": "2024-07-01",
  "within_days": 40,
  "items": [
    {
      "end": "2024-07-12",
      "days_left": 11,
      "id": "C0134",
      "name": "张旭凯",
      "unit": "U094",
      "unit_name": "广东医科大学",
      "target": "441581",
      "target_name": "陆丰市",
      "rank": "middle",
      "post": "市卫生健康局副局长",
      "successor": "C0135"
    },
    {
      "end": "2024-07-12",
      "days_left": 11,
      "id": "C0186",
      "name": "郭莹婉",
      "unit": "U098",
      "unit_name": "仲恺农业工程学院",
      "target": "445281",
      "target_name": "普宁市",
      "rank": "middle",
      "post": "副市长",
      "successor": "C0187"
    },
    {
      "end": "2024-07-28",
      "days_left": 27,
      "id": "C0075",
      "name": "谢桂敏",
      "unit": "U103",
      "unit_name": "广东粤海控股集团有限公司",
      "target": "441224",
      "target_name": "怀集县",
      "rank": "middle",
      "post": "县林业局副局长",
      "successor": "C0076"
    },
    {
      "end": "2024-07-28",
      "days_left": 27,
      "id": "C0139",
      "name": "吴静",
      "unit": "U137",
      "unit_name": "中国移动通信集团广东有限公司",
      "target": "441621",
      "target_name": "紫金县",
      "rank": "middle",
      "post": "县政务服务数据管理局副局长",
      "successor": "C0140"
    },
    {
      "end": "2024-08-10",
      "days_left": 40,
      "id": "C0022",
      "name": "梁桂欣",
      "unit": "U101",
      "unit_name": "广东恒健投资控股有限公司",
      "target": "440282",
      "target_name": "南雄市",
      "rank": "middle",
      "post": "市财政局副局长",
      "successor": "C0023"
    }
  ]
}
$ bangfu report rotations --as-of 2026-06-30 --within 30 --format json
{
  "round": "2023-2026",
  "as_of": "2026-06-30",
  "within_days": 30,
  "items": []
}
