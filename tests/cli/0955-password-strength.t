# Password strength (libpwquality, and the list of the most common ones): a refusal says why,
# in Chinese and English; the same rules hold for `user add`, `user passwd` and the API
# (tests/api/1530-sessions-throttle.t). A passphrase mostly in Chinese is judged without the
# English dictionary.
$ bangfu init --empty > /dev/null
$ echo 'aaaaaaaa' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 口令是回文，请另选; the password is a palindrome: choose another
[1]
$ echo '        ' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 口令是回文，请另选; the password is a palindrome: choose another
[1]
$ echo '00000001' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 同一个字符连续出现超过 3 次，请另选; the password contains more than 3 same characters consecutively: choose another
[1]
$ echo 'xyz123456' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 含有超过 4 个字符的连续序列（如 12345、abcde），请另选; the password contains monotonic sequence longer than 4 characters: choose another
[1]
$ echo 'qwertyuiop1' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 口令基于字典中的单词，请另选; the password fails the dictionary check - it is based on a dictionary word: choose another
[1]
$ echo 'my-zhangsan-pass' | bangfu user add zhangsan --role auditor --password-stdin
bangfu: 口令含有帐号名，请另选; the password contains the user name in some form: choose another
[1]
$ echo '统计局的一个长口令 long' | bangfu user add zhangsan --role auditor --password-stdin
added account zhangsan (auditor)
$ echo '11111111' | bangfu user passwd zhangsan --password-stdin
bangfu: 这是最常用的口令之一，请另选; this password is among the most commonly used ones: choose another
[1]
$ echo 'kT7mQ2xLp9Rz' | bangfu user passwd zhangsan --password-stdin
changed the password of zhangsan; its sessions are ended
