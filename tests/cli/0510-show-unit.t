# show unit U048: the record, the group it leads and its cadre.
$ bangfu init > /dev/null
$ bangfu show unit U048 --as-of 2026-06-30

[unit]
  code       U048
  name_zh    省统计局
  name_en    Guangdong Provincial Bureau of Statistics
  category   government
  capacity   1
  strengths  digital;planning
  verified   1
  note       published: leads the 廉江市 group (南方杂志 2024-05-29 县里来了工作队; nfzz.net.cn)

[groups] 1
group         round      target  target_name  role
------------  ---------  ------  -----------  ----
G2023-440881  2023-2026  440881  廉江市       lead

[cadres] 1
id     name    unit  group         rank      post        start       planned_end  actual_end  predecessor  verified  note                   unit_name  on_post  successor
-----  ------  ----  ------------  --------  ----------  ----------  -----------  ----------  -----------  --------  ---------------------  ---------  -------  ---------
C0050  陈卫军  U048  G2023-440881  division  市委副书记  2023-12-20  2026-12-19                            0         示例数据 illustrative  省统计局   yes
