# show group G2023-440881: the record, its members and cadres.
$ bangfu init > /dev/null
$ bangfu show group G2023-440881 --as-of 2026-06-30
target_name  廉江市

[group]
  id        G2023-440881
  round     2023-2026
  target    440881
  verified  1
  note      published: 南方杂志 2024-05-29 县里来了工作队 (nfzz.net.cn)

[members] 3
unit  unit_name                           role
----  ----------------------------------  ------
U048  省统计局                            lead
U111  广东省港航集团有限公司              member
U132  中国国家铁路集团有限公司广州局集团  member

[cadres] 4
id     name    unit  group         rank      post                    start       planned_end  actual_end  predecessor  verified  note                   unit_name                           on_post  successor
-----  ------  ----  ------------  --------  ----------------------  ----------  -----------  ----------  -----------  --------  ---------------------  ----------------------------------  -------  ---------
C0050  陈卫军  U048  G2023-440881  division  市委副书记              2023-12-20  2026-12-19                            0         示例数据 illustrative  省统计局                            yes
C0051  许晓    U111  G2023-440881  middle    市自然资源局副局长      2023-12-20  2026-12-19                            0         示例数据 illustrative  广东省港航集团有限公司              yes
C0052  古丽韵  U111  G2023-440881  middle    副市长                  2024-05-16  2026-12-31                            0         示例数据 illustrative  广东省港航集团有限公司              yes
C0053  温坚清  U132  G2023-440881  middle    市工业园区管委会副主任  2024-05-05  2026-12-31                            0         示例数据 illustrative  中国国家铁路集团有限公司广州局集团  yes
