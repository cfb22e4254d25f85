# report indicators (issue 11 §6): each target's indicators from the round's baseline year (the
# last full year before the round starts: 2022 for 2023-2026) to --as-of's year, beside the
# province's change over the same two years. Fixture tests/data/indicators: 廉江市 GDP 480
# (2021), 500 (2022), 560 (2024); 始兴县 80.3 (2020, bundled) and 90 (2023); the province's GDP
# 129118.58 (2022, bundled) and 140000 (2024). By hand: 廉江 +60 = +12.00 % against the
# province's +10881.42 = +8.43 %; 始兴 +9.7 = +12.08 %, the province has no 2020 GDP. The fixture
# replaces the bundled 廉江 2024 (579.15); as of 2023 the latest is the bundled 2023 figure
# (555.76, an estimate): +55.76. GDP shares: 2022 has 5 counties, the bundled 4 and 廉江.
$ bangfu init > /dev/null && bangfu import $TESTDIR/data/indicators/indicators.csv > /dev/null
$ bangfu report indicators --as-of 2026-06-30 --format json | jq -c '.baseline_year, (.items[] | select(.indicator == "gdp" and (.target == "440881" or .target == "440222")) | [.target, .baseline_year, .baseline, .latest_year, .latest, .change, .change_pct, .province_change_pct, .quality, .source])'
2022
["440222",2020,80.3,2023,90,9.7,12.08,null,"official","test fixture"]
["440881",2022,500,2024,560,60,12,8.43,"approx","test fixture 2024"]
$ bangfu report indicators --as-of 2023-06-30 --format json | jq -c '.items[] | select(.indicator == "gdp" and .target == "440881") | [.baseline_year, .latest_year, .change]'
[2022,2023,55.76]
$ bangfu report indicators --as-of 2026-06-30 --format csv | tail -c +4 | sed -n 1p
target,target_name,indicator,unit,baseline_year,baseline,latest_year,latest,change,change_pct,province_change_pct,quality,source
$ bangfu report indicators --as-of 2026-06-30 --format xlsx > ind.xlsx; xlsx-read ind.xlsx 1 | sed '/^sheet 说明/q' | grep -E '^[A-K]1 '
A1 s 帮扶对象代码
B1 s 帮扶对象
C1 s 指标
D1 s 计量单位
E1 s 基线年份
F1 s 基线值
G1 s 最新年份
H1 s 最新值
I1 s 变化
J1 s 变化（%）
K1 s 全省变化（%）
$ bangfu report shares --format json | jq -r '.items[] | select(.measure == "gdp") | [.year, .counties_with_data, .counties_missing, .note] | @tsv'
2022	5	52	gdp for 2022: 52 of the 57 counties lack a value (5 with one); the share needs all of them
