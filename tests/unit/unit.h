/* unit: a small assertion runner for the C unit tests. Each test file exports a NULL-ended
 * array of struct unit_test; main.c lists the arrays. A failed CHECK records the file, line
 * and expression and the test goes on; the runner ends with "unit: N passed, M failed". */
#ifndef BF_UNIT_H
#define BF_UNIT_H
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
};

void unit_fail(const char *file, int line, const char *what, const char *detail);

#define CHECK(c) do { if (!(c)) unit_fail(__FILE__, __LINE__, #c, NULL); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (!a_ || !b_ || strcmp(a_, b_) != 0) unit_fail(__FILE__, __LINE__, #a " == " #b, a_); \
} while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { char d_[64]; snprintf(d_, sizeof d_, "%lld != %lld", a_, b_); \
		unit_fail(__FILE__, __LINE__, #a " == " #b, d_); } } while (0)

extern const struct unit_test util_tests[], model_tests[], rules_tests[], store_tests[];
extern const struct unit_test plan_tests[], mcf_tests[];
extern const struct unit_test score_tests[];
extern const struct unit_test write_tests[];
extern const struct unit_test work_tests[];
extern const struct unit_test rotation_tests[];
extern const struct unit_test inbox_tests[];
extern const struct unit_test assess_tests[];

#endif
