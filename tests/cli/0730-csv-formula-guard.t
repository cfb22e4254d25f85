# Formula injection: a cell that starts with = + - @, tab or CR is written with an apostrophe
# before it in every CSV bangfu writes (export, reports), so Excel shows it as text instead of
# running it; a negative number stays a number; export -> import gives the same values back.
$ bangfu init > /dev/null
$ printf '%s\n' 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note' "C0001,=cmd|' /C calc'!A0,U028,G2023-440222,division,@SUM(A1),2023-12-22,2026-12-21,,,0,\"-1+1\"" > cadres.csv
$ printf '%s\n' 'scope,name,year,value,unit,quality,source' '440222,gdp_growth,2023,-3.5,percent,illustrative,+86 20 1234' "440222,gdp_growth,2022,+2,percent,illustrative,'quoted" > indicators.csv
$ bangfu import cadres.csv indicators.csv
imported 1 row from cadres.csv (UTF-8), 2 rows from indicators.csv (UTF-8)
$ bangfu show cadre C0001 --format json | grep -E '"(name|post|note)"'
    "name": "=cmd|' /C calc'!A0",
    "post": "@SUM(A1)",
    "note": "-1+1",
$ bangfu export out > /dev/null && grep '^C0001,' out/cadres.csv
C0001,'=cmd|' /C calc'!A0,U028,G2023-440222,division,'@SUM(A1),2023-12-22,2026-12-21,,,0,'-1+1
$ grep gdp_growth out/indicators.csv
440222,gdp_growth,2022,2,percent,illustrative,quoted
440222,gdp_growth,2023,-3.5,percent,illustrative,'+86 20 1234
$ bangfu report cadres --as-of 2026-06-30 --format csv | grep '^C0001,'
C0001,'=cmd|' /C calc'!A0,U028,省民政厅,440222,始兴县,division,'@SUM(A1),2023-12-22,2026-12-21,,yes,0
$ bangfu --db b.db init --empty > /dev/null && bangfu --db b.db import out > /dev/null && bangfu --db b.db export b > /dev/null && diff -r out b && echo same
same
$ bangfu --db b.db show cadre C0001 --format json | grep -E '"(name|note)"'
    "name": "=cmd|' /C calc'!A0",
    "note": "-1+1",
