/* fileio: reading and writing whole files; see fileio.h. */
#include "util/fileio.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum bf_status fileio_read(const char *path, size_t max, struct buf *out, struct bf_err *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!f)
		return bf_err_set(err, BF_EIO, "%s: cannot open: %s", path, strerror(errno));
	buf_reset(out);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (out->len + n > max) {
			fclose(f);
			return bf_err_set(err, BF_EINPUT, "%s: file is larger than %zu bytes", path,
					  max);
		}
		buf_add(out, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		return bf_err_set(err, BF_EIO, "%s: read error: %s", path, strerror(errno));
	}
	fclose(f);
	return BF_OK;
}

enum bf_status fileio_write(const char *path, const char *data, size_t len, struct bf_err *err)
{
	struct buf tmp = BUF_INIT;
	FILE *f;
	enum bf_status rc = BF_OK;

	buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp.data, "wb");
	if (!f) {
		rc = bf_err_set(err, BF_EIO, "%s: cannot create: %s", path, strerror(errno));
		goto out;
	}
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		rc = bf_err_set(err, BF_EIO, "%s: write error: %s", path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	if (rename(tmp.data, path) != 0) {
		rc = bf_err_set(err, BF_EIO, "%s: cannot rename: %s", path, strerror(errno));
		unlink(tmp.data);
	}
out:
	buf_release(&tmp);
	return rc;
}

bool fileio_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fileio_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

enum bf_status fileio_mkdirs(const char *dir, struct bf_err *err)
{
	struct buf p = BUF_INIT;
	enum bf_status rc = BF_OK;

	buf_adds(&p, dir);
	for (char *s = p.data + 1; ; s++) {
		char c = *s;
		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p.data, 0777) != 0 && errno != EEXIST) {
			rc = bf_err_set(err, BF_EIO, "%s: cannot create folder: %s", p.data,
					strerror(errno));
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	buf_release(&p);
	return rc;
}

const char *fileio_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int fileio_lock(const char *path, bool exclusive)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? -2 : -1;
	if (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}
