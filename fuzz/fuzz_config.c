/* libFuzzer target: bytes as the settings file of `bangfu serve --config FILE` ("name = value"
 * lines, '#' comments): the parser must never read or write out of bounds, and whatever it
 * accepts must leave the settings in range (listen NUL-terminated, numbers within bounds). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "app/app.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct app_server_config cfg;
	struct cli c;
	char *text;

	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		__builtin_trap();
	c = (struct cli){ "fuzz.db", devnull, devnull };
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&cfg, 0, sizeof cfg);
	if (serve_config_parse(&cfg, text, "fuzz.conf", &c)) {
		if (!memchr(cfg.listen, '\0', sizeof cfg.listen) || cfg.threads < 0 ||
		    cfg.threads > 256 || cfg.behind_https < 0 || cfg.behind_https > 1 ||
		    cfg.body_limit < 0 || cfg.audit_head_seconds < 0)
			__builtin_trap();
	}
	free(text);
	return 0;
}
