/* mail: an e-mail message in UTF-8 with MIME; see mail.h. */
#include "util/mail.h"
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static void b64(const void *p, size_t n, struct buf *out)
{
	char tmp[sodium_base64_ENCODED_LEN(57, sodium_base64_VARIANT_ORIGINAL)];

	/* callers hand at most 57 bytes (a line) or 45 (a word) */
	sodium_bin2base64(tmp, sizeof tmp, p, n, sodium_base64_VARIANT_ORIGINAL);
	buf_adds(out, tmp);
}

void mail_base64_lines(const void *p, size_t n, struct buf *out)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i += 57) { /* 57 bytes: 76 characters */
		b64(s + i, n - i < 57 ? n - i : 57, out);
		buf_adds(out, "\r\n");
	}
}

static bool plain(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p >= 0x7f || (*p == '=' && p[1] == '?'))
			return false;
	return strlen(s) < 70;
}

/* The length of the UTF-8 character starting at s (1 for a stray byte). */
static size_t char_len(const unsigned char *s)
{
	size_t n = *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

void mail_header_words(const char *text, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text);
	bool first = true;

	if (plain(text)) {
		buf_adds(out, text);
		return;
	}
	/* 45 bytes of text are 60 of base64: "=?UTF-8?B?" + 60 + "?=" is 72, under 75 */
	for (size_t i = 0; i < n;) {
		size_t k = 0;
		while (i + k < n) {
			size_t c = char_len(s + i + k);
			if (k + c > 45)
				break;
			k += c;
		}
		if (!first)
			buf_adds(out, "\r\n ");
		buf_adds(out, "=?UTF-8?B?");
		b64(s + i, k, out);
		buf_adds(out, "?=");
		i += k;
		first = false;
	}
}

void mail_compose(const struct mail *m, struct buf *out)
{
	struct buf body = BUF_INIT;
	char date[64];
	struct tm tm;

	gmtime_r(&m->date, &tm);
	/* RFC 5322's date: English names whatever the locale */
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	snprintf(date, sizeof date, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_addf(out, "From: %s\r\nTo: %s\r\nSubject: ", m->from, m->to);
	mail_header_words(m->subject, out);
	buf_addf(out, "\r\nDate: %s\r\n", date);
	if (m->message_id)
		buf_addf(out, "Message-ID: <%s>\r\n", m->message_id);
	buf_adds(out, "MIME-Version: 1.0\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: base64\r\n"
		      "Auto-Submitted: auto-generated\r\n\r\n");
	for (const char *p = m->body; *p; p++) { /* the canonical form: CRLF line ends */
		if (*p == '\n' && (p == m->body || p[-1] != '\r'))
			buf_addc(&body, '\r');
		buf_addc(&body, *p);
	}
	mail_base64_lines(body.data ? body.data : "", body.len, out);
	buf_release(&body);
}
