# The web UI holds no policy: who may do what comes from GET /api/v1/session's capabilities
# (web/js/can.js), so no file of web/js names a role or compares the user's role, except the
# account page (pages/accounts.js), where roles are what an account is given.
$ cd $TESTDIR/../web/js && grep -rnE "['\"](admin|planner|auditor|county)['\"]|role *[!=]==? *['\"]unit['\"]|(includes|indexOf)\((ctx\.)?user\.role\)|user\.role *[!=]==" --include=*.js . | grep -v '^./pages/accounts.js:'
[1]
$ cp -r $TESTDIR/../web/js js && printf "const X = ['admin', 'planner'];\nif (ctx.user.role === 'unit') go();\n" >> js/pages/groups.js && cd js && grep -rnE "['\"](admin|planner|auditor|county)['\"]|role *[!=]==? *['\"]unit['\"]|(includes|indexOf)\((ctx\.)?user\.role\)|user\.role *[!=]==" --include=*.js . | grep -v '^./pages/accounts.js:' | sed 's/:.*//' | uniq -c | sed 's/^ *//'
2 ./pages/groups.js
