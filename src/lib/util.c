/*
 * util.c - small helpers; see util.h.
 */
#include "steiger.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* See util.h. */
int read_file(const char *path, size_t max, struct buf *out, struct err *e)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	if (!f)
		return err_set(e, E_IO, _("%s: cannot open: %s"), path, strerror(errno));
	buf_reset(out);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + n > max) {
			if (f != stdin)
				fclose(f);
			return err_set(e, E_INPUT, _("%s: expected a file of at most %zu MiB, found a larger one"),
				       path, max / (1024 * 1024));
		}
		buf_add(out, chunk, n);
	}
	if (ferror(f)) {
		int saved = errno;
		if (f != stdin)
			fclose(f);
		return err_set(e, E_IO, _("%s: cannot read: %s"), path, strerror(saved));
	}
	if (f != stdin)
		fclose(f);
	return 0;
}

/* See util.h. */
int write_file(const char *path, const void *data, size_t len, struct err *e)
{
	char *tmp = mprintf("%s.tmp.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	const char *p = data;
	if (fd < 0) {
		err_set(e, E_IO, _("%s: cannot create: %s"), path, strerror(errno));
		free(tmp);
		return E_IO;
	}
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			err_set(e, E_IO, _("%s: cannot write: %s"), path, strerror(errno));
			close(fd);
			unlink(tmp);
			free(tmp);
			return E_IO;
		}
		p += w;
		len -= (size_t)w;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		err_set(e, E_IO, _("%s: cannot write: %s"), path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return E_IO;
	}
	free(tmp);
	return 0;
}

/* See util.h. */
int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* See util.h. */
int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* See util.h. */
int is_blank(const char *s)
{
	if (!s)
		return 1;
	while (*s && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* See util.h. */
int list_has(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, code, n) == 0)
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

/* See util.h. */
void today_iso(char out[11])
{
	const char *env = getenv("STEIGER_TODAY");
	time_t t = time(NULL);
	struct tm tm;
	if (env && date_parse(env, out) == 0)
		return;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* See util.h. */
void now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* See util.h. */
void now_iso_ms(char out[32])
{
	struct timespec ts;
	struct tm tm;
	char t[24];
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, 32, "%.19s.%03dZ", t, (int)(ts.tv_nsec / 1000000) % 1000);
}

/* See util.h. */
const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
