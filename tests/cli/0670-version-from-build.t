# --version comes from the build: the release in VERSION and, built in a git checkout, the
# commit (git describe), not a literal in the source.
$ v=$(bangfu --version); case "$v" in "bangfu $(cat $TESTDIR/../VERSION)"*) echo release ok;; *) echo "$v";; esac
release ok
$ if git -C $TESTDIR rev-parse --git-dir > /dev/null 2>&1; then bangfu --version | grep -qF "+g$(git -C $TESTDIR describe --always)" && echo commit ok; else echo commit ok; fi
commit ok
$ grep -c 'define VERSION\|"0\.1\.0"' $TESTDIR/../src/cli/cli.c
0
[1]
