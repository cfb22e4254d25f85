/* err: the project-wide status codes and the error value that carries a message a user can
 * act on. Every fallible function returns an enum bf_status and fills a struct bf_err. One
 * table here maps statuses to process exit codes; http/ will map them to HTTP statuses. */
#ifndef BF_ERR_H
#define BF_ERR_H
#include "util/buf.h"

enum bf_status {
	BF_OK = 0,
	BF_EINPUT,     /* bad input: the message says which file, line, field */
	BF_ENOTFOUND,  /* a named record does not exist */
	BF_ECONFLICT,  /* the change conflicts with what is stored */
	BF_EIO,        /* file system */
	BF_EDB,        /* the database failed (busy, full, corrupt) */
	BF_EUSAGE,     /* the command line was wrong */
	BF_EAUTH,      /* not signed in, or the session has expired */
	BF_EFORBIDDEN, /* signed in, but the role does not allow it */
	BF_ETOOMANY,   /* too many attempts: try again later */
	BF_EVIOLATION, /* the change breaks a programme rule */
	BF_EMETHOD,    /* the path exists, with other methods */
};

/* The message may hold several lines (an import lists every error). count is how many errors
 * were recorded, so a caller can stop collecting after a limit. */
struct bf_err {
	enum bf_status status;
	struct buf msg;
	struct buf msg_zh;  /* the same in Chinese, where the code that failed wrote it */
	size_t count;
};

void bf_err_init(struct bf_err *e);
void bf_err_release(struct bf_err *e);
/* Records one error (a line of the message); returns status for `return bf_err_set(...)`. */
enum bf_status bf_err_set(struct bf_err *e, enum bf_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *bf_err_msg(const struct bf_err *e);
/* Gives the error just recorded its message in Chinese (the web UI's language; the API
 * answers it as message_zh beside message). */
void bf_err_zh(struct bf_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The Chinese message, NULL if none was given. */
const char *bf_err_msg_zh(const struct bf_err *e);
int bf_status_exit_code(enum bf_status s);
const char *bf_status_name(enum bf_status s);

#endif
