# A file in Big5, Shift-JIS, EUC-KR or Windows-1252 is valid GB18030 by accident; it is not
# imported as mojibake (陳大文 -> 朝ゅ...) but refused with the line and the encoding to name;
# with --encoding it imports right. A GB18030 file that starts with its BOM (84 31 95 33)
# imports. The files are made here with iconv from UTF-8 text.
$ bangfu init > /dev/null && bangfu export before > /dev/null
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,陳大文,U028,G2023-440222,division,縣委副書記,2023-12-22,2026-12-21,,,0,測試' 'C0002,李小龍,U052,G2023-440222,section,林業局副局長,2024-06-10,2027-06-09,,,0,' > trad.csv
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,김대문,U028,G2023-440222,division,부군수,2023-12-22,2026-12-21,,,0,시험 데이터' 'C0002,박민수,U052,G2023-440222,section,임업국 부국장,2024-06-10,2027-06-09,,,0,' > ko.csv
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,Jürgen Müller,U028,G2023-440222,division,Bürgermeister,2023-12-22,2026-12-21,,,0,Straße' > de.csv
$ printf '%s\n' id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note 'C0001,陈大文,U028,G2023-440222,division,县委副书记,2023-12-22,2026-12-21,,,0,测试' > zh.csv
$ mkdir big5 sjis euckr cp1252 gbbom && iconv -f UTF-8 -t BIG5 trad.csv > big5/cadres.csv && iconv -f UTF-8 -t SHIFT_JIS trad.csv > sjis/cadres.csv && iconv -f UTF-8 -t EUC-KR ko.csv > euckr/cadres.csv && iconv -f UTF-8 -t WINDOWS-1252 de.csv > cp1252/cadres.csv
$ { printf '\x84\x31\x95\x33'; iconv -f UTF-8 -t GB18030 zh.csv; } > gbbom/cadres.csv
$ bangfu import big5/cadres.csv
bangfu: big5/cadres.csv:2: bytes 0xA4 0x6A (offset 92) read as GB18030 give a kana, Greek, box-drawing or private-use character no one types here: the file is probably Big5, Shift-JIS or EUC-KR; save it as UTF-8 (CSV UTF-8 in Excel) or give its encoding: --encoding BIG5, SHIFT_JIS, EUC-KR, WINDOWS-1252 (the API: ?encoding=), GB18030 if it really is
bangfu: nothing was imported
[1]
$ bangfu import sjis/cadres.csv 2>&1 | grep -o '^.*are rare ones\|probably [A-Za-z-]*\|nothing was imported'
bangfu: sjis/cadres.csv:2: read as GB18030, 7 of its 7 Chinese characters are rare ones
probably Shift-JIS
nothing was imported
[1]
$ bangfu import euckr/cadres.csv 2>&1 | grep -o '^.*Korean Hangul\|probably [A-Za-z-]*\|nothing was imported'
bangfu: euckr/cadres.csv:2: read as GB18030, all 20 of its Chinese characters fall in the rows where EUC-KR keeps Korean Hangul
probably EUC-KR
nothing was imported
[1]
$ bangfu import cp1252/cadres.csv 2>&1 | grep -o '^.*are rare ones\|Windows-1252\|nothing was imported'
bangfu: cp1252/cadres.csv:2: read as GB18030, 4 of its 4 Chinese characters are rare ones
Windows-1252
nothing was imported
[1]
$ bangfu export after > /dev/null && diff -r before after && echo unchanged
unchanged
$ bangfu import --encoding BIG5 big5/cadres.csv && bangfu show cadre C0001 --format json | grep -E '"(name|post)"'
imported 2 rows from cadres.csv (BIG5)
    "name": "陳大文",
    "post": "縣委副書記",
$ bangfu import --encoding SHIFT_JIS sjis/cadres.csv && bangfu show cadre C0002 --format json | grep '"name"'
imported 2 rows from cadres.csv (SHIFT_JIS)
    "name": "李小龍",
$ bangfu import --encoding=EUC-KR euckr/cadres.csv && bangfu show cadre C0001 --format json | grep '"name"'
imported 2 rows from cadres.csv (EUC-KR)
    "name": "김대문",
$ bangfu import --encoding WINDOWS-1252 cp1252/cadres.csv && bangfu show cadre C0001 --format json | grep '"name"'
imported 1 row from cadres.csv (WINDOWS-1252)
    "name": "Jürgen Müller",
$ bangfu import gbbom/cadres.csv && bangfu show cadre C0001 --format json | grep -E '"(name|note)"'
imported 1 row from cadres.csv (GB18030 with BOM)
    "name": "陈大文",
    "note": "测试",
$ bangfu import --encoding GB18030 gbbom/cadres.csv
imported 1 row from cadres.csv (GB18030)
$ bangfu import --encoding KLINGON gbbom/cadres.csv
bangfu import: --encoding: 'KLINGON' is not an encoding this system knows (`iconv -l` lists them)
(see: bangfu import --help)
[2]
