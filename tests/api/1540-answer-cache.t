# The cache of encoded list answers is bounded in bytes (--answer-cache), not only in number:
# a reader asking for 500 distinct lists of about 50 KB each (limit=5000, 5001, ...) used to
# pin 512 answers (25 MB here, 713 MB at national size). With --answer-cache 1000000 the
# server's memory grows by less than 12 MB over those 500 requests (ASan's quarantine is off
# for this server so that freed memory is reused), and the answers stay right.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ ASAN_OPTIONS=$ASAN_OPTIONS:quarantine_size_mb=0 serve-bg --answer-cache 1000000
$ api login wang 'a long enough secret' | sed -n 1p; for i in $(seq 0 499); do printf 'url = "http://127.0.0.1:%s/api/v1/cadres?limit=%d"\noutput = "/dev/null"\n' "$(cat port)" $((5000 + i)); done > urls.cfg
HTTP 200
$ api -q GET '/api/v1/cadres?limit=4999' | jq .total; pid=$(head -n 1 .pids); grep VmRSS /proc/$pid/status | awk '{print $2}' > rss.before
196
$ curl -s -b jar -K urls.cfg; pid=$(head -n 1 .pids); echo "grew by $(( ($(grep VmRSS /proc/$pid/status | awk '{print $2}') - $(cat rss.before)) / 1024 )) MB" | sed -E 's/by -?([0-9]|1[01]) MB/by less than 12 MB/'
grew by less than 12 MB
$ api -q GET '/api/v1/cadres?limit=5003' | jq '.items | length'
196
