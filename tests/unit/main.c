/* The unit test runner: runs every test of every file and prints the tally. */
#include <stdio.h>
#include "unit.h"

static int failed_checks;

void unit_fail(const char *file, int line, const char *what, const char *detail)
{
	failed_checks++;
	printf("FAIL %s:%d: %s%s%s\n", file, line, what, detail ? " -- got: " : "",
	       detail ? detail : "");
}

int main(void)
{
	const struct unit_test *const files[] = { util_tests, model_tests, rules_tests,
						  store_tests, plan_tests, score_tests, mcf_tests,
						  write_tests, work_tests, rotation_tests,
						  inbox_tests, assess_tests };
	int passed = 0, failed = 0;

	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++)
		for (const struct unit_test *t = files[f]; t->name; t++) {
			int before = failed_checks;
			t->fn();
			if (failed_checks == before) {
				passed++;
			} else {
				failed++;
				printf("failed: %s\n", t->name);
			}
		}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
