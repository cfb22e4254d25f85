# The server confirms a session from the database at most once a second while nothing changes
# (src/app/auth.c), so a request usually needs no SQLite read. A sign-out or any change made
# through the server counts at once; an account disabled by another process (the CLI) is
# refused within a second. The same holds for data: a change made by the CLI while the server
# runs is served within 250 ms (src/app/snapshot.c).
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null; cp jar jar.old
$ api GET /api/v1/session | sed -n 1p
HTTP 200
$ bangfu user disable wang; sleep 1.2; api GET /api/v1/session
disabled account wang
HTTP 401
{"error":{"code":"unauthorized","message":"sign in first (the session has ended)","field":null}}
$ bangfu user enable wang > /dev/null; api login wang 'a long enough secret' > /dev/null; api GET /api/v1/session | sed -n 1p
HTTP 200
$ api -q DELETE /api/v1/session; api GET /api/v1/session | sed -n 1p
HTTP 401
$ api login wang 'a long enough secret' > /dev/null; api -q GET /api/v1/targets/440222 | jq -r .name_en
Shixing County
$ bangfu export ex > /dev/null && sed -i 's/Shixing County/Shixing/' ex/targets.csv && bangfu import ex/targets.csv > /dev/null; sleep 0.5; api -q GET /api/v1/targets/440222 | jq -r .name_en
Shixing
