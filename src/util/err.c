/* err: status codes and error messages; see err.h. */
#include "util/err.h"
#include <stdarg.h>

void bf_err_init(struct bf_err *e)
{
	e->status = BF_OK;
	buf_init(&e->msg);
	buf_init(&e->msg_zh);
	e->count = 0;
}

void bf_err_release(struct bf_err *e)
{
	buf_release(&e->msg);
	buf_release(&e->msg_zh);
	bf_err_init(e);
}

enum bf_status bf_err_set(struct bf_err *e, enum bf_status status, const char *fmt, ...)
{
	va_list ap;

	if (e->status == BF_OK)
		e->status = status;
	if (e->msg.len)
		buf_addc(&e->msg, '\n');
	va_start(ap, fmt);
	buf_vaddf(&e->msg, fmt, ap);
	va_end(ap);
	e->count++;
	return status;
}

const char *bf_err_msg(const struct bf_err *e)
{
	return buf_cstr(&e->msg);
}

void bf_err_zh(struct bf_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e->msg_zh.len)
		buf_addc(&e->msg_zh, '\n');
	va_start(ap, fmt);
	buf_vaddf(&e->msg_zh, fmt, ap);
	va_end(ap);
}

const char *bf_err_msg_zh(const struct bf_err *e)
{
	return e->msg_zh.len ? buf_cstr(&e->msg_zh) : NULL;
}

static const struct {
	const char *name;
	int exit_code;
} status_table[] = {
	[BF_OK] = { "ok", 0 },
	[BF_EINPUT] = { "invalid_input", 1 },
	[BF_ENOTFOUND] = { "not_found", 1 },
	[BF_ECONFLICT] = { "conflict", 1 },
	[BF_EIO] = { "io_error", 1 },
	[BF_EDB] = { "database_error", 1 },
	[BF_EUSAGE] = { "usage", 2 },
	[BF_EAUTH] = { "unauthorized", 1 },
	[BF_EFORBIDDEN] = { "forbidden", 1 },
	[BF_ETOOMANY] = { "too_many_attempts", 1 },
	[BF_EVIOLATION] = { "rule_violation", 1 },
	[BF_EMETHOD] = { "method_not_allowed", 2 },
};

int bf_status_exit_code(enum bf_status s)
{
	return status_table[s].exit_code;
}

const char *bf_status_name(enum bf_status s)
{
	return status_table[s].name;
}
