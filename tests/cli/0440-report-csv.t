# --format csv starts with a UTF-8 BOM; a report without items is printed as key,value rows.
$ bangfu init > /dev/null
$ bangfu report summary --as-of 2026-06-30 --format csv | head -c 3 | od -An -tx1
 ef bb bf
$ bangfu report summary --as-of 2026-06-30 --format csv | tail -c +4
key,value
round,2023-2026
as_of,2026-06-30
units,156
units_assisting,156
targets,62
covered,62
groups,62
cadres_on_post,190
$ bangfu report groups --as-of 2026-06-30 --format csv > groups.csv
$ head -c 3 groups.csv | od -An -tx1
 ef bb bf
$ tail -c +4 groups.csv | sed -n 1,2p
id,target,target_name,prefecture,lead,lead_name,members,member_names,cadres_on_post,verified
G2023-440222,440222,始兴县,韶关市,U028,省民政厅,U052;U114,省林业局;广东粤财投资控股有限公司,3,0
