/* app_int: what the modules of app/ share about the handle: its connection to the store.
 * Never included by a front end (tests/bin/check-layers refuses it). */
#ifndef BF_APP_INT_H
#define BF_APP_INT_H
#include "app/app.h"
#include "store/store.h"

struct app {
	struct store *store;
};

#endif
