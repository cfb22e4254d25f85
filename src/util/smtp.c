/* smtp: one message through libcurl's SMTP; see smtp.h. */
#include "util/smtp.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

struct reader {
	const char *p;
	size_t left;
};

/* libcurl asks about once a second and at each transfer step: non-zero aborts. */
static int progress_cb(void *ctx, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	(void)dt, (void)dn, (void)ut, (void)un;
	return atomic_load((const atomic_bool *)ctx) ? 1 : 0;
}

static size_t read_cb(char *out, size_t size, size_t n, void *ctx)
{
	struct reader *r = ctx;
	size_t k = size * n < r->left ? size * n : r->left;

	memcpy(out, r->p, k);
	r->p += k;
	r->left -= k;
	return k;
}

enum bf_status smtp_send(const struct smtp_server *srv, const char *to, const char *msg,
			 size_t len, struct bf_err *err)
{
	char from[300], rcpt[300], why[CURL_ERROR_SIZE] = "";
	struct curl_slist *list = NULL;
	struct reader r = { msg, len };
	CURLcode rc;
	CURL *c;

	pthread_once(&once, global_init);
	if (global_rc != CURLE_OK || !(c = curl_easy_init()))
		return bf_err_set(err, BF_EIO, "cannot start libcurl");
	snprintf(from, sizeof from, "<%s>", srv->from);
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	list = curl_slist_append(NULL, rcpt);
	curl_easy_setopt(c, CURLOPT_URL, srv->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, list);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &r);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, srv->timeout > 0 ? srv->timeout : 30L);
	/* the wait for a reply has its own limit (120 s by default) that outlasts CURLOPT_TIMEOUT
	 * after the body: a mute server held a stopping server two minutes */
	curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, srv->timeout > 0 ? srv->timeout : 30L);
	if (srv->cancel) {
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress_cb);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, (void *)srv->cancel);
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	}
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, srv->timeout > 0 && srv->timeout < 10 ? srv->timeout : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);          /* a server thread: no SIGALRM */
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY); /* STARTTLS when offered */
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, why);
	if (srv->user && *srv->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, srv->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, srv->password ? srv->password : "");
	}
	rc = curl_easy_perform(c);
	curl_slist_free_all(list);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK)
		return BF_OK;
	if (rc == CURLE_ABORTED_BY_CALLBACK)
		return bf_err_set(err, BF_EIO, "given up: the server is stopping");
	return bf_err_set(err, BF_EIO, "%s: %s", curl_easy_strerror(rc), why[0] ? why : "no detail");
}
