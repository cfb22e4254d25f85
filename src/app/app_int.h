/* app_int: what the modules of app/ share about the handle: its connection to the store.
 * Never included by a front end (tests/bin/check-layers refuses it). */
#ifndef BF_APP_INT_H
#define BF_APP_INT_H
#include "app/app.h"
#include "store/store.h"

struct app {
	struct store *store;
};

/* Ends the open transaction: commits when rc is BF_OK (returning the commit's status), else
 * rolls back and returns rc. */
enum bf_status app_finish(struct app *app, enum bf_status rc, struct bf_err *err);

/* S7: one successor takes over a post. The refusal when another cadre already names the
 * predecessor (app/write, app/import): the predecessor, then that other cadre. */
#define APP_TAKEN_OVER_FMT                                                                    \
	"cadre %s already has a successor, %s: one successor takes over a post (change that "   \
	"cadre's predecessor first, or name another) · 该干部已有接任者"

#endif
