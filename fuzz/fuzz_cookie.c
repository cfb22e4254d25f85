/* libFuzzer target: the Cookie header, as a browser (or anyone) sends it, through the whole
 * server: libmicrohttpd's cookie parser, then bangfu's sign-in from the session cookie (the
 * token's length check, its hash, the session cache and the database). The first byte picks
 * whether the real session cookie of a signed-in admin is put before or after the fuzzed
 * text. Every answer must be 200 (signed in) or 401 (not): never a crash, a hang or a 5xx. */
#include "http_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *head = malloc(size + 256), *cookie = malloc(size + 1);
	size_t n = 0;
	int status;

	/* one header line: what could not be in one (CR, LF, NUL) is left out */
	for (size_t i = size ? 1 : 0; i < size && i < 4000; i++)
		if (data[i] != '\r' && data[i] != '\n' && data[i] != 0)
			cookie[n++] = (char)data[i];
	cookie[n] = '\0';
	snprintf(head, size + 256, "GET /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
		 "Cookie: %s%s%s%s%s\r\n\r\n",
		 size && data[0] % 3 == 1 ? "bangfu_session=" : "", size && data[0] % 3 == 1 ? harness_token : "",
		 size && data[0] % 3 == 1 ? "; " : "", cookie,
		 size && data[0] % 3 == 2 ? "; bangfu_session=" : "");
	if (size && data[0] % 3 == 2) { /* the real cookie after the fuzzed text */
		size_t l = strlen(head) - 4;
		snprintf(head + l, size + 256 - l, "%s\r\n\r\n", harness_token);
	}
	status = harness_request(head, NULL, 0);
	if (status != 200 && status != 401 && status != 400 && status != 431)
		__builtin_trap();
	free(head);
	free(cookie);
	return 0;
}
