/* date: calendar dates as day numbers (days since 1970-01-01, proleptic Gregorian), parsed
 * from and formatted to ISO YYYY-MM-DD. No time zones: a date is a civil day. */
#ifndef BF_DATE_H
#define BF_DATE_H
#include <stdbool.h>

typedef int bf_day;
#define BF_DAY_NONE (-2147483647 - 1)

/* Parses exactly "YYYY-MM-DD" (years 1900–2199, a real day of the month). */
bool date_parse(const char *s, bf_day *out);
/* Writes "YYYY-MM-DD" into out (11 bytes). */
void date_format(bf_day d, char out[11]);
bf_day date_from_ymd(int y, int m, int d);
void date_to_ymd(bf_day day, int *y, int *m, int *d);
/* The same day n years later (29 February becomes 28 February). */
bf_day date_add_years(bf_day d, int n);
/* Today in local time. */
bf_day date_today(void);
/* Now in UTC as "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL). */
void date_now_utc(char out[21]);
/* Milliseconds on the monotonic clock (for intervals, not for dates). */
long long date_monotonic_ms(void);

#endif
