# report rotations: terms ending within --within days of --as-of, soonest first, with the
# successor when one is named, its arrival and the hand-over (S7): the days between the end of
# the term and the arrival less one, negative for an overlap (both serve), positive for a gap.
$ bangfu init > /dev/null
$ bangfu report rotations --as-of 2026-11-17 --within 32
round        2023-2026
as_of        2026-11-17
within_days  32

[items] 4
end         days_left  id     name    unit  unit_name               target  target_name  rank      post                successor  successor_start  handover_days  handover
----------  ---------  -----  ------  ----  ----------------------  ------  -----------  --------  ------------------  ---------  ---------------  -------------  --------
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
      "successor": "C0135",
      "successor_start": "2024-07-13",
      "handover_days": 0,
      "handover": "seamless"
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
      "successor": "C0076",
      "successor_start": "2024-07-29",
      "handover_days": 0,
      "handover": "seamless"
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
      "successor": "C0140",
      "successor_start": "2024-07-29",
      "handover_days": 0,
      "handover": "seamless"
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
$ printf 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\nC9050,接任甲,U048,G2023-440881,division,市委副书记,2026-12-10,2029-12-09,,C0050,0,\nC9051,接任乙,U111,G2023-440881,middle,市自然资源局副局长,2026-12-25,2029-12-24,,C0051,0,\nC9078,接任丙,U014,G2023-441225,division,县委副书记,2026-12-20,2029-12-19,,C0078,0,\n' > cadres.csv; bangfu import cadres.csv > /dev/null; bangfu report rotations --as-of 2026-11-17 --within 32 --format csv
﻿end,days_left,id,name,unit,unit_name,target,target_name,rank,post,successor,successor_start,handover_days,handover
2026-12-19,32,C0050,陈卫军,U048,省统计局,440881,廉江市,division,市委副书记,C9050,2026-12-10,-10,overlap
2026-12-19,32,C0051,许晓,U111,广东省港航集团有限公司,440881,廉江市,middle,市自然资源局副局长,C9051,2026-12-25,5,gap
2026-12-19,32,C0078,冯琳丽,U014,省委党校,441225,封开县,division,县委副书记,C9078,2026-12-20,0,seamless
2026-12-19,32,C0112,袁宇磊,U033,省生态环境厅,441426,平远县,division,县委副书记,,,,
