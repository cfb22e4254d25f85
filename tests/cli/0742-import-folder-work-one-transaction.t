# `bangfu import FOLDER` takes FOLDER/work/ (the bundled layout) in the same transaction as the
# registry's files: a bad row in work/commitments.csv leaves nothing written, not even the
# registry's files beside it; fixed, both come in, and the work's rows name the targets of the
# same import. A folder without work/ imports as before.
$ bangfu init --empty > /dev/null && cp -r "$TESTDIR/../data/guangdong" g && ref=$(sed -n 2p g/work/commitments.csv | cut -d, -f2-5) && echo "99999,$ref,,坏,斤,3,0,2026-06-30,planned,,,,,,,0" >> g/work/commitments.csv && bangfu import g 2>&1 | sed -E 's/:[0-9]+:/:N:/'
bangfu: g/work/commitments.csv:N: column 'measure': measure: '斤' is not one of: 亩, 家, 个, 项, 人, 人次, 户, 万元, 公里, 平方米, 吨, 场, 所, 套
bangfu: nothing was imported
[1]
$ bangfu report summary --format json | grep -c '"targets": 62'
0
[1]
$ sed -i '$d' g/work/commitments.csv && bangfu import g | grep -o '62 rows from targets.csv\|[0-9]* rows from commitments.csv' | sed -E 's/^[0-9]+ rows from c/N rows from c/'
62 rows from targets.csv
N rows from commitments.csv
$ bangfu work list commitments --limit 1 --format csv | sed -n 2p | cut -d, -f1-5; sed -n 2p g/work/commitments.csv | cut -d, -f1-5
1,2023-2026,440222,U028,A3
1,2023-2026,440222,U028,A3
$ rm -r g/work && bangfu --db b.db init --empty > /dev/null && bangfu --db b.db import g | grep -c commitments
0
[1]
