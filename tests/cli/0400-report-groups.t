# report groups on the bundled data: 62 groups; the row of 廉江市's group (CSV).
$ bangfu init > /dev/null
$ bangfu report groups --as-of 2026-06-30 --format json | grep -c '"lead":'
62
$ bangfu report groups --as-of 2026-06-30 --format csv | grep G2023-440881
G2023-440881,440881,廉江市,湛江市,U048,省统计局,U111;U132,广东省港航集团有限公司;中国国家铁路集团有限公司广州局集团,4,1
