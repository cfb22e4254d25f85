/* libFuzzer target: bytes as a request method and a percent-encoded path: the server's
 * decoding (http_unescape, which libmicrohttpd also calls for every query key and value: the
 * query string is split by libmicrohttpd) and then the router (route matching, the {key}). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = { "GET", "POST", "PATCH", "DELETE", "HEAD", "FOO" };
	char *path = malloc(size + 1);
	const char *param;
	bool exists;
	const struct route *rt;

	if (!path || size < 1) {
		free(path);
		return 0;
	}
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';
	if (http_unescape(path) != strlen(path))
		__builtin_trap(); /* the decoded length must be the string's: no NUL let through */
	rt = http_route_find(methods[data[0] % 6], path, &param, &exists);
	if (rt && strchr(rt->pattern, '{') && (!param || strchr(param, '/')))
		__builtin_trap(); /* a {key} route must give a key without '/' */
	if (rt && !exists)
		__builtin_trap();
	free(path);
	return 0;
}
