# The layers hold (docs/architecture.md): scripts/check-layers reads every #include under src/
# and fails on one that goes up or sideways: the front ends see only app/ and util/ (never the
# store, core, each other or app's private header), core only util.
$ cd $TESTDIR/.. && scripts/check-layers
check-layers: every include of src goes down the layers
$ cp -r $TESTDIR/../src src && sed -i '1a #include "store/store.h"\n#include "http/http.h"\n#include "app/app_int.h"' src/cli/cmd_import.c && sed -i '1a #include "store/store.h"' src/core/rules.c && sed -i '1a #include "cli/cli.h"' src/app/check.c
$ $TESTDIR/../scripts/check-layers src
src/app/check.c:2: app/ may not include "cli/cli.h" (it sees: util core store app)
src/cli/cmd_import.c:2: cli/ may not include "store/store.h" (it sees: util app cli)
src/cli/cmd_import.c:3: cli/ may not include "http/http.h" (it sees: util app cli)
src/cli/cmd_import.c:4: cli/ may not include "app/app_int.h" (it sees: util app cli)
src/core/rules.c:2: core/ may not include "store/store.h" (it sees: util core)
check-layers: 5 include(s) cross the layers (docs/architecture.md)
[1]
