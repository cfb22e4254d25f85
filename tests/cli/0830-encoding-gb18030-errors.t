# Errors in a GB18030 file with CRLF line ends and a blank line: the line number is right
# and the value is shown in UTF-8.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ printf 'adcode,name_zh,prefecture,kind,old_area,verified\r\n449901,测试县,湛江市,county,0,1\r\n\r\n449902,测试二县,湛江市,县,0,1\r\n' | iconv -f UTF-8 -t GB18030 > targets.csv
$ bangfu import targets.csv
bangfu: targets.csv:4: column 'kind': '县' is not one of: county, autonomous_county, county_city, district
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
