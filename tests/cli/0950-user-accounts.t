# Accounts: init creates admin with a random password; user add/list/disable/enable/passwd;
# weak passwords and bad roles are refused with a clear message.
$ bangfu init --empty | tail -n 1 | sed -E 's/password [A-Za-z0-9]{16} /password XXXX /'
account admin, password XXXX (shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`)
$ echo 'correct horse battery staple' | bangfu user add wang --role planner --password-stdin
added account wang (planner)
$ echo 'password' | bangfu user add li --role auditor --password-stdin
bangfu: 这是最常用的口令之一，请另选; this password is among the most commonly used ones: choose another
[1]
$ echo 'short' | bangfu user add li --role auditor --password-stdin
bangfu: 口令至少需要 8 个字符（15 个以上更好）; the password needs at least 8 characters (15 or more is better)
[1]
$ echo 'a long enough secret' | bangfu user add li --role boss --password-stdin
bangfu: role 'boss': use admin, planner, unit, county or auditor
[1]
$ echo 'a long enough secret' | bangfu user add tongji --role unit --password-stdin
bangfu: role unit needs --unit CODE
[1]
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
bangfu: unit 'U048' does not exist
[1]
$ echo 'a long enough secret' | bangfu user add wang --role auditor --password-stdin
bangfu: an account named 'wang' already exists
[1]
$ bangfu user add li --role auditor
bangfu user: give the password on standard input with --password-stdin (never on the command line)
(see: bangfu user --help)
[2]
$ bangfu user disable wang
disabled account wang
$ bangfu user list | awk '{ print $1, $2, $3 }'
name role unit
----- ------- ----
admin admin no
wang planner yes
$ bangfu user enable wang && echo 'another fine secret' | bangfu user passwd wang --password-stdin
enabled account wang
changed the password of wang; its sessions are ended
$ bangfu user disable nobody
bangfu: no account named 'nobody'
[1]
$ sqlite3 bangfu.db "SELECT account, action, entity, key, json_extract(before, '$.disabled'), json_extract(after, '$.disabled'), json_extract(after, '$.password_changed') FROM audit ORDER BY id" | sed "s/^cli:$(id -un)|/cli:USER|/"
cli:USER|create|account|wang||0|
cli:USER|update|account|wang|0|1|
cli:USER|update|account|wang|1|0|
cli:USER|update|account|wang|0|0|1
$ bangfu audit verify
audit trail intact: 4 rows, every hash matches
