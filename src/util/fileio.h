/* fileio: whole-file reads and atomic whole-file writes, with errors that name the path. */
#ifndef BF_FILEIO_H
#define BF_FILEIO_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/err.h"

/* Reads path into out; files larger than max bytes are refused. */
enum bf_status fileio_read(const char *path, size_t max, struct buf *out, struct bf_err *err);
/* Writes data to path through a temporary file and rename, so readers never see half. */
enum bf_status fileio_write(const char *path, const char *data, size_t len, struct bf_err *err);
bool fileio_is_dir(const char *path);
bool fileio_exists(const char *path);
/* Creates dir (and parents) if missing. */
enum bf_status fileio_mkdirs(const char *dir, struct bf_err *err);
const char *fileio_basename(const char *path);
/* An advisory lock (flock) on path, shared or exclusive, without waiting: the descriptor that
 * holds it (close it to let go), -1 when another process holds a lock that conflicts (or
 * path cannot be opened), -2 when path does not exist. SQLite's own locks are fcntl locks,
 * which flock does not touch: this is the server's "I am using this database". */
int fileio_lock(const char *path, bool exclusive);

#endif
