# --format xlsx writes a spreadsheet (app/sheet, libxlsxwriter) read back here by tests/bin/xlsx-read
# (python3's zipfile and xml): Chinese headers in a frozen first row with filter buttons, numbers
# as number cells, days as date cells, yes/no as booleans; the second sheet gives each header's
# English key. A report without items is a table of item, value and key. show and check refuse it.
$ bangfu init > /dev/null
$ bangfu report cadres --as-of 2026-06-30 --format xlsx > cadres.xlsx; xlsx-read cadres.xlsx 2 | sed '/^sheet 说明/q' | sed -n '1,2p;/^[A-M]1 /p;/^A2 /p;/^I2 /p;/^J2 /p;/^L2 /p;/^M2 /p'
sheets: 数据 data | 说明 columns
sheet 数据 data: frozen 1 row(s), filter A1:M197
A1 s 干部编号
B1 s 姓名
C1 s 派出单位代码
D1 s 派出单位
E1 s 帮扶对象代码
F1 s 帮扶对象
G1 s 职级
H1 s 挂任职务
I1 s 开始日期
J1 s 计划期满
K1 s 实际离任
L1 s 在岗
M1 s 已核实
A2 s C0001
I2 d 2023-12-22
J2 d 2026-12-21
L2 b 1
M2 n 0
$ xlsx-read cadres.xlsx 3 | sed -n '/^sheet 说明/,$p'
sheet 说明 columns: frozen 1 row(s)
A1 s 列 column
B1 s 中文表头 header
C1 s 键 key (API, CSV)
A2 s A
B2 s 干部编号
C2 s id
A3 s B
B3 s 姓名
C3 s name
$ bangfu report summary --as-of 2026-06-30 --format xlsx > summary.xlsx; xlsx-read summary.xlsx 4 | sed -n '2,14p'
sheet 数据 data: frozen 1 row(s)
A1 s 项目
B1 s 值
C1 s key
A2 s 轮次
B2 s 2023-2026
C2 s round
A3 s 截至日期
B3 d 2026-06-30
C3 s as_of
A4 s 单位数
B4 n 156
C4 s units
$ bangfu report shares --format xlsx > shares.xlsx; xlsx-read shares.xlsx 2 | sed -n '2,/^sheet 说明/p' | grep -E '^[ACD][12] '
A1 s 口径
C1 s 计算占比（%）
D1 s 文章数字（%）
A2 s land
C2 n 72.1
D2 n 71.7
$ bangfu show target 440881 --format xlsx
bangfu show: --format xlsx is not offered; use table or json
(see: bangfu show --help)
[2]
$ bangfu check --format xlsx
bangfu check: --format xlsx is not offered; use table or json
(see: bangfu check --help)
[2]
$ bangfu report groups --format xls
bangfu report: --format 'xls': use table, csv, xlsx or json
(see: bangfu report --help)
[2]
$ bangfu export --format xlsx all.xlsx
exported 12 sheets to all.xlsx
$ xlsx-read all.xlsx 2 | grep -E '^sheet|^A[12] |^G2 ' | grep -v '^G2 s 通过'
sheets: 轮次 rounds | 帮扶对象 targets | 帮扶单位 units | 组团 groups | 组团成员 members | 帮扶干部 cadres | 指标 indicators | 重点任务 tasks | 需求清单 needs | 帮扶事项 commitments | 资源导入 resources | 政策文件 policies | 说明 columns
sheet 轮次 rounds: frozen 1 row(s), filter A1:E2
A1 s 轮次
A2 s 2023-2026
sheet 帮扶对象 targets: frozen 1 row(s), filter A1:L63
A1 s 行政区划代码
A2 s 440222
G2 s mountain;ecological
sheet 帮扶单位 units: frozen 1 row(s), filter A1:H157
A1 s 单位代码
A2 s U001
G2 n 0
sheet 组团 groups: frozen 1 row(s), filter A1:E63
A1 s 组团编号
A2 s G2023-440222
sheet 组团成员 members: frozen 1 row(s), filter A1:D171
A1 s 组团编号
A2 s G2023-440222
sheet 帮扶干部 cadres: frozen 1 row(s), filter A1:L197
A1 s 干部编号
A2 s C0001
G2 d 2023-12-22
sheet 指标 indicators: frozen 1 row(s), filter A1:G337
A1 s 范围（县区代码或 province）
A2 s 440222
G2 s S17 mirror of 始兴县政府 县情概况 page (bulliesreality.org); confidence medium
sheet 重点任务 tasks: frozen 1 row\(s\), filter A1:K[0-9]+ (re)
A1 s 轮次
A2 s 2023-2026
sheet 需求清单 needs: frozen 1 row\(s\), filter A1:J[0-9]+ (re)
A1 s 编号
A2 n 1
G2 n 1
sheet 帮扶事项 commitments: frozen 1 row\(s\), filter A1:W[0-9]+ (re)
A1 s 编号
A2 n 1
G2 s 打造乡村旅游精品线路
sheet 资源导入 resources: frozen 1 row\(s\), filter A1:M[0-9]+ (re)
A1 s 编号
A2 n 1
sheet 政策文件 policies: frozen 1 row\(s\), filter A1:M[0-9]+ (re)
A1 s 编号
A2 n 1
G2 s 政务
sheet 说明 columns: frozen 1 row\(s\), filter A1:D[0-9]+ (re)
A1 s 表 sheet
A2 s 轮次 rounds
$ bangfu export --format xls x.xlsx
bangfu export: --format 'xls': use csv or xlsx
(see: bangfu export --help)
[2]
