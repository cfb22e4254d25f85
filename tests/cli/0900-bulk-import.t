# A bulk import (over 8 MB) drops and rebuilds the secondary indexes: a good one ends with every
# index in place; a bad one reports the line, writes nothing and leaves the indexes in place.
$ bangfu init > /dev/null
$ bangfu export before > /dev/null
$ awk 'BEGIN { print "id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note"; for (i = 1; i <= 70000; i++) printf "X%06d,示例干部%d,U111,G2023-440881,section,市工业园区管委会副主任科员挂职岗位,2024-06-01,2027-05-31,,,0,bulk test row with some padding text to make the file large enough\n", i, i }' > cadres.csv
$ wc -c < cadres.csv | awk '{ print ($1 > 8388608) ? "over 8 MB" : "too small" }'
over 8 MB
$ mkdir bad && sed '69999s/2024-06-01/2024-06-31/' cadres.csv > bad/cadres.csv
$ bangfu import bad/cadres.csv
bangfu: bad/cadres.csv:69999: column 'start': '2024-06-31' is not a date; write YYYY-MM-DD, e.g. 2023-11-16
bangfu: nothing was imported
[1]
$ bangfu export after > /dev/null && diff -r before after && echo unchanged
unchanged
$ sqlite3 bangfu.db "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cadre', 'grp', 'member') ORDER BY name"
cadre_group
cadre_predecessor
cadre_unit
grp_round
grp_target
inbox_cadre_unit_end
member_unit
$ bangfu import cadres.csv
imported 70000 rows from cadres.csv (UTF-8)
$ sqlite3 bangfu.db "SELECT count(*) FROM cadre; SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cadre', 'grp', 'member') ORDER BY name; PRAGMA integrity_check"
70196
cadre_group
cadre_predecessor
cadre_unit
grp_round
grp_target
inbox_cadre_unit_end
member_unit
ok
$ bangfu show cadre X070000 --format json | grep '"unit_name"'
    "unit_name": "广东省港航集团有限公司",
