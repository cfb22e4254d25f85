/* app/digest: the inbox as an e-mail digest; see digest.h. */
#include "app/digest.h"
#include "app/app_int.h"
#include "app/inbox.h"
#include "app/snapshot.h"
#include "store/inbox.h"
#include "util/fileio.h"
#include "util/mail.h"
#include "util/smtp.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DIGEST_PER_KIND 20 /* items listed per kind in a message (the counts stay whole) */

enum bf_status digest_read_password(const char *path, char *out, size_t n, struct bf_err *err)
{
	struct buf data = BUF_INIT;
	enum bf_status rc;

	out[0] = '\0';
	if (!path || !*path)
		return BF_OK;
	if ((rc = fileio_read(path, 4096, &data, err)))
		return rc;
	snprintf(out, n, "%.*s", (int)strcspn(buf_cstr(&data), "\r\n"), buf_cstr(&data));
	if (data.data) /* the password does not stay in freed memory */
		sodium_memzero(data.data, data.len);
	buf_release(&data);
	return BF_OK;
}

static int role_of(const char *role)
{
	for (int i = 0; access_roles[i]; i++)
		if (strcmp(access_roles[i], role) == 0)
			return i;
	return -1;
}

/* The message's text: a greeting, then each kind with its count and its first items, each
 * in Chinese with the English below it. */
static void body_text(const struct digest_account *a, const struct inbox *b, long total,
		      bf_day today, struct buf *out)
{
	char d[11];
	unsigned kinds = inbox_kinds_of(&(struct principal){ a->name, role_of(a->role), a->unit,
							      a->target });

	date_format(today, d);
	buf_addf(out, "%s，您好：\n截至%s，您在组团纵向帮扶管理系统中有%ld项待办。\n", a->name, d,
		 total);
	buf_addf(out, "Hello %s, as of %s you have %ld item%s to do in bangfu.\n", a->name, d,
		 total, total == 1 ? "" : "s");
	for (int k = 0; k < IK_N; k++) {
		long shown = 0;
		if (!(kinds & (1u << k)) || !b->count[k])
			continue;
		buf_addf(out, "\n【%s · %s】%ld\n", inbox_kinds_zh[k], inbox_kinds_en[k], b->count[k]);
		for (size_t i = 0; i < b->n; i++) {
			struct buf zh = BUF_INIT, en = BUF_INIT, href = BUF_INIT;
			if (b->items[i].kind != k || shown >= DIGEST_PER_KIND)
				continue;
			inbox_title(&b->items[i], today, &zh, &en);
			inbox_href(&b->items[i], &href);
			buf_addf(out, "- %s\n  %s\n  %s\n", buf_cstr(&zh), buf_cstr(&en), buf_cstr(&href));
			buf_release(&zh);
			buf_release(&en);
			buf_release(&href);
			shown++;
		}
		if (b->count[k] > shown)
			buf_addf(out, "  （另有%ld项未列出 · %ld more not listed）\n", b->count[k] - shown,
				 b->count[k] - shown);
	}
	buf_adds(out, "\n请登录系统，在“待办”页面查看和处理（链接为系统内的页面地址）。\n"
		      "Sign in to bangfu and open the Inbox page (待办) to see and act on them "
		      "(the links are the pages' addresses in bangfu).\n\n"
		      "此邮件由系统自动发送，请勿回复。如不需要邮件提醒，请管理员删除您账号的电子邮件地址。\n"
		      "This message was sent automatically; do not reply. To stop these digests, "
		      "ask an admin to remove your account's e-mail address.\n");
}

static void subject_text(long total, bf_day today, struct buf *out)
{
	char d[11];
	date_format(today, d);
	buf_addf(out, "【帮扶待办】%ld项待办 · bangfu inbox: %ld item%s (%s)", total, total,
		 total == 1 ? "" : "s", d);
}

/* One account: its inbox, and unless it is empty or had its digest lately, the message. */
static void one(struct app *app, const struct registry *reg, const struct digest_opts *o,
		const struct digest_account *a, digest_event_fn fn, void *ctx,
		struct digest_result *res)
{
	const struct app_server_config *cfg = o->cfg;
	struct principal p = { a->name, role_of(a->role), a->unit[0] ? a->unit : NULL,
			       a->target[0] ? a->target : NULL };
	struct digest_event e = { a->name, a->email, NULL, NULL, NULL, 0, NULL };
	struct buf subject = BUF_INIT, text = BUF_INIT, msg = BUF_INIT, why = BUF_INIT;
	struct inbox_req rq;
	struct inbox b;
	struct snapshot *snap = NULL;
	struct bf_err err;
	char last[11], day[11], id[200];
	bf_day lastd;
	long total = 0;

	bf_err_init(&err);
	inbox_init(&b);
	date_format(o->today, day);
	if (store_digest_last(app->store, a->name, last, &err)) {
		e.status = "failed";
		e.reason = bf_err_msg(&err);
		res->failed++;
		goto done;
	}
	if (last[0] && date_parse(last, &lastd) && o->today - lastd < cfg->digest_interval) {
		buf_addf(&why, "its last digest was sent on %s (every %ld day%s)", last,
			 cfg->digest_interval, cfg->digest_interval == 1 ? "" : "s");
		e.status = "recent";
		e.reason = buf_cstr(&why);
		res->recent++;
		goto done;
	}
	inbox_req_init(&rq);
	rq.today = o->today;
	rq.due_days = cfg->inbox_due_days;
	rq.end_window = cfg->end_window;
	rq.limit = DIGEST_PER_KIND;
	if ((o->snapshot && snapshot_get(app, &snap, &err)) ||
	    inbox_collect(app, snap ? &snap->reg : reg, &p, &rq, &b, &err)) {
		e.status = "failed";
		e.reason = bf_err_msg(&err);
		res->failed++;
		goto done;
	}
	for (int k = 0; k < IK_N; k++)
		total += b.count[k];
	e.items = total;
	if (!total) {
		e.status = "empty";
		res->empty++;
		goto done;
	}
	if (res->sent + res->failed + res->dry_run >= cfg->digest_max) {
		buf_addf(&why, "at most %ld digests a run (--digest-max): it waits for the next run",
			 cfg->digest_max);
		e.status = "deferred";
		e.reason = buf_cstr(&why);
		res->deferred++;
		goto done;
	}
	subject_text(total, o->today, &subject);
	body_text(a, &b, total, o->today, &text);
	if (snap) { /* composed: the send does not hold up the server's writers */
		snapshot_put(snap);
		snap = NULL;
	}
	e.subject = buf_cstr(&subject);
	if (o->dry_run) {
		e.status = "dry-run";
		e.text = buf_cstr(&text);
		res->dry_run++;
		goto done;
	}
	snprintf(id, sizeof id, "digest.%s.%s.%ld@bangfu", a->name, day, (long)time(NULL));
	mail_compose(&(struct mail){ cfg->mail_from, a->email, buf_cstr(&subject), buf_cstr(&text),
				     id, time(NULL) },
		     &msg);
	if (smtp_send(&(struct smtp_server){ cfg->smtp_url, cfg->mail_from, cfg->smtp_user,
					     o->password, cfg->smtp_timeout, o->stop },
		      a->email, msg.data, msg.len, &err)) {
		buf_adds(&why, bf_err_msg(&err));
		e.status = "failed";
		e.reason = buf_cstr(&why);
		res->failed++;
	} else {
		e.status = "sent";
		res->sent++;
	}
	bf_err_release(&err);
	bf_err_init(&err);
	if (store_digest_log(app->store, a->name, day, a->email, total, e.status,
			     strcmp(e.status, "sent") ? e.reason : "", &err)) {
		/* sent, but not logged: say so (it could be sent again tomorrow's run too) */
		buf_reset(&why);
		buf_addf(&why, "%s (the digest log was not written: %s)",
			 strcmp(e.status, "sent") ? e.reason : "sent", bf_err_msg(&err));
		e.reason = buf_cstr(&why);
	}
done:
	if (snap)
		snapshot_put(snap);
	fn(ctx, &e);
	inbox_release(&b);
	bf_err_release(&err);
	buf_release(&subject);
	buf_release(&text);
	buf_release(&msg);
	buf_release(&why);
}

enum bf_status digest_run(struct app *app, const struct registry *reg,
			  const struct digest_opts *o, digest_event_fn fn, void *ctx,
			  struct digest_result *res, struct bf_err *err)
{
	struct digest_account *a;
	size_t n;
	enum bf_status rc;

	memset(res, 0, sizeof *res);
	if (!o->dry_run && !o->cfg->smtp_url[0]) {
		bf_err_set(err, BF_EINPUT, "no mail server is set: give --smtp-url smtp://HOST:PORT "
			   "(or BANGFU_SMTP_URL, or smtp-url in the settings file)");
		bf_err_zh(err, "未设置邮件服务器：请用 --smtp-url smtp://主机:端口 指定");
		return BF_EINPUT;
	}
	if ((rc = store_digest_accounts(app->store, &a, &n, err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (o->stop && atomic_load(o->stop)) {
			res->stopped = true;
			break;
		}
		res->accounts++;
		one(app, reg, o, &a[i], fn, ctx, res);
	}
	free(a);
	return BF_OK;
}
