/* libFuzzer target: a multipart/form-data body, as the import route receives it, through the
 * whole server: the signed-in admin's POST /api/v1/import?dry_run=1 with the fuzzed bytes as
 * the body (boundary "XyZ"), decoded part by part as it arrives (libmicrohttpd's post
 * processor and bangfu's part collector), then imported as a dry run. Every answer must be a
 * 200 or a 4xx: never a crash, a hang or a 5xx. */
#include "http_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char head[512];
	int status;

	snprintf(head, sizeof head,
		 "POST /api/v1/import?dry_run=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
		 "Cookie: bangfu_session=%s\r\nX-CSRF-Token: %s\r\n"
		 "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: %zu\r\n\r\n",
		 harness_token, harness_csrf, size);
	status = harness_request(head, data, size);
	if (status < 200 || status >= 500)
		__builtin_trap();
	return 0;
}
