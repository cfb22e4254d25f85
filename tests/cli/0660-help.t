# --help works (exit 0) for bangfu and for every command, wherever it is given.
$ bangfu --help > h && head -n 3 h
bangfu [0-9.]+(\+g[0-9a-f]+(-dirty)?)? — 组团纵向帮扶管理 · group-based vertical assistance to counties (re)

usage: bangfu [--db PATH] COMMAND [ARGS]
$ bangfu --version | grep -E "^bangfu $(cat $TESTDIR/../VERSION)(\+g[0-9a-f]+(-dirty)?)?$" | wc -l
1
$ bangfu init --help > h && head -n 1 h
usage: bangfu [--db PATH] init [--empty] [--force]
$ bangfu import --help > h && head -n 1 h
usage: bangfu [--db PATH] import [--encoding NAME] PATH...
$ bangfu export --help > h && head -n 1 h
usage: bangfu [--db PATH] export DIR
$ bangfu check --help > h && head -n 1 h
usage: bangfu [--db PATH] check [--round NAME] [--as-of DATE] [--end-window DAYS]
$ bangfu report --help > h && head -n 1 h
usage: bangfu [--db PATH] report NAME [--round NAME] [--as-of DATE] [--within DAYS]
$ bangfu show --help > h && head -n 1 h
usage: bangfu [--db PATH] show target|unit|group|cadre KEY [--as-of DATE]
$ bangfu report summary --help > h && head -n 1 h
usage: bangfu [--db PATH] report NAME [--round NAME] [--as-of DATE] [--within DAYS]
