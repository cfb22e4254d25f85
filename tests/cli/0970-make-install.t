# make install with PREFIX and DESTDIR: the binary, the man page (man -l renders it), the
# systemd unit with its hardening, naming the installed binary; systemd-analyze verify finds
# nothing to say about the unit (when systemd-analyze is there).
$ make -s -C $TESTDIR/.. install DESTDIR=$PWD/root PREFIX=/usr BIN=$(command -v bangfu) && (cd root && find . -type f | sort)
./usr/bin/bangfu
./usr/lib/systemd/system/bangfu.service
./usr/share/man/man1/bangfu.1
$ root/usr/bin/bangfu --version | grep -c "^bangfu $(cat $TESTDIR/../VERSION)"
1
$ grep -E '^(ExecStart|DynamicUser|StateDirectory|ProtectSystem|NoNewPrivileges|ProtectHome|CapabilityBoundingSet)=' root/usr/lib/systemd/system/bangfu.service
DynamicUser=yes
StateDirectory=bangfu
ExecStart=/usr/bin/bangfu serve
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
CapabilityBoundingSet=
$ MANWIDTH=100 man -l root/usr/share/man/man1/bangfu.1 2> man.err | grep -E '^ +(backup FILE|restore FILE|audit verify \[--head ID:HASH\])$'; cat man.err
       audit verify [--head ID:HASH]
       backup FILE
       restore FILE
$ make -s -C $TESTDIR/.. install PREFIX=$PWD/p BIN=$(command -v bangfu) && if command -v systemd-analyze > /dev/null; then systemd-analyze verify --man=no p/lib/systemd/system/bangfu.service 2>&1; fi; echo verified
verified
