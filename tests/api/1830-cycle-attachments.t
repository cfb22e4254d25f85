# Attachments of a group report (issue 12 §4): PDF, DOCX, XLSX, JPEG and PNG only, recognised by
# their content (magic bytes; DOCX and XLSX are ZIPs with [Content_Types].xml and word/ or xl/
# entries), never by their name: an executable renamed 报告.pdf, text named .pdf and a plain ZIP
# are refused with 415. The per-file and per-report limits are server settings (413 past
# them; here --attachment-max 50000 and --report-attachments-max 80000). Sent raw with
# ?name=FILE or as multipart/form-data; downloaded with the original name (RFC 5987
# filename*) and the same bytes; stored with the report, all or nothing: a refused file leaves
# no row; a submitted report takes no more files; each attachment is in the audit trail.
$ bangfu init > /dev/null
$ for a in 'lead --role unit --unit U048' 'member --role unit --unit U111' 'county --role county --target 440881' 'other --role unit --unit U028'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin > /dev/null; done
$ serve-bg --attachment-max 50000 --report-attachments-max 80000
$ as lead POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed 1d | jq .id
1
$ python3 -c "import zipfile as z; d = z.ZipFile('d.docx', 'w'); d.writestr('[Content_Types].xml', '<Types/>'); d.writestr('word/document.xml', '<w:document/>'); d.close(); x = z.ZipFile('plain.zip', 'w'); x.writestr('readme.txt', 'hi'); x.close(); open('a.pdf', 'wb').write(b'%PDF-1.4\n1 0 obj\n'); open('b.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + bytes(40)); open('c.jpg', 'wb').write(b'\xff\xd8\xff\xe0' + bytes(40)); open('big.pdf', 'wb').write(b'%PDF-1.4\n' + bytes(51000)); open('mid.pdf', 'wb').write(b'%PDF-1.4\n' + bytes(40000))"
$ bangfu report summary --format xlsx > e.xlsx && cp /bin/true 报告.pdf && printf 'plain text' > notes.pdf && ls -l e.xlsx | awk '$5 < 20000 { print "small enough" }'
small enough
$ for f in a.pdf b.png c.jpg d.docx e.xlsx; do printf '%s ' $f; upload lead "/api/v1/group-reports/1/attachments?name=$f" $f | sed 1d | jq -c '[.name, .mime, .unit, .account]'; done
a.pdf ["a.pdf","application/pdf","U048","lead"]
b.png ["b.png","image/png","U048","lead"]
c.jpg ["c.jpg","image/jpeg","U048","lead"]
d.docx ["d.docx","application/vnd.openxmlformats-officedocument.wordprocessingml.document","U048","lead"]
e.xlsx ["e.xlsx","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","U048","lead"]
$ for f in 报告.pdf notes.pdf plain.zip; do upload member "/api/v1/group-reports/1/attachments?name=$f" $f | paste -sd ' ' | cut -d, -f1-2; done
HTTP 415 {"error":{"code":"unsupported_type","message":"报告.pdf is not a PDF
HTTP 415 {"error":{"code":"unsupported_type","message":"notes.pdf is not a PDF
HTTP 415 {"error":{"code":"unsupported_type","message":"plain.zip is not a PDF
$ upload -F member /api/v1/group-reports/1/attachments 报告.pdf | sed 1d | jq -c '.error | [.code, .message_zh, .field]'
["unsupported_type","报告.pdf不是PDF、DOCX、XLSX、JPEG或PNG文件（按文件内容判断，而非文件名）","file"]
$ upload member "/api/v1/group-reports/1/attachments?name=big.pdf" big.pdf | sed 1d | jq -c '.error | [.code, .message]'
["too_large","big.pdf is 51009 bytes: an attachment may have at most 50000"]
$ upload -F member /api/v1/group-reports/1/attachments a.pdf 会议纪要.pdf | sed 1d | jq -c '[.id, .name, .mime, .unit]'
[6,"会议纪要.pdf","application/pdf","U111"]
$ upload member "/api/v1/group-reports/1/attachments?name=mid.pdf" mid.pdf | sed -n 1p
HTTP 201
$ upload member "/api/v1/group-reports/1/attachments?name=mid2.pdf" mid.pdf | sed 1d | jq -r '.error | .code, .message'
too_large
report 1 already has [0-9]+ bytes of attachments: with mid2.pdf \(40009 bytes\) it would pass its limit of 80000 (re)
$ for w in county other; do printf '%s ' $w; upload $w "/api/v1/group-reports/1/attachments?name=a.pdf" a.pdf | sed -n 1p; done
county HTTP 403
other HTTP 404
$ sqlite3 bangfu.db 'SELECT count(*), sum(size) > 40000 FROM report_attachment'
7|1
$ as county GET /api/v1/group-reports/1/attachments | sed 1d | jq -c '[.total, [.items[].name]]'
[7,["a.pdf","b.png","c.jpg","d.docx","e.xlsx","会议纪要.pdf","mid.pdf"]]
$ as county GET /api/v1/group-reports/1 | sed 1d | jq -c '[(.attachments | length), .attachments[0].size]'
[7,17]
$ cd as-county && curl -s -D h -o got -b jar "http://127.0.0.1:$(cat port)/api/v1/report-attachments/6" && grep -i -E '^content-(type|disposition)' h | tr -d '\r' && cmp got ../a.pdf && echo same bytes
Content-Type: application/pdf
Content-Disposition: attachment; filename="____________.pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf
same bytes
$ cd as-county && curl -s -o got -b jar "http://127.0.0.1:$(cat port)/api/v1/report-attachments/5" && cmp got ../e.xlsx && echo same bytes
same bytes
$ as other GET /api/v1/report-attachments/1 | sed -n 1p
HTTP 404
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -r .status
submitted
$ upload lead "/api/v1/group-reports/1/attachments?name=a.pdf" a.pdf | sed 1d | jq -r .error.code
conflict
$ sqlite3 bangfu.db "SELECT count(*) FROM audit WHERE entity = 'group_report' AND action = 'attach'"
7
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
