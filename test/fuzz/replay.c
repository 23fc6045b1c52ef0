/*
 * replay.c - run a saved fuzz corpus through a fuzz target, without
 * libFuzzer, and report the result as TAP.
 *
 *   replay_fuzz_NAME [CORPUS_DIR]
 *
 * Linked with one test/fuzz/fuzz_NAME.c, it feeds every regular file of
 * CORPUS_DIR (by default test/fuzz/corpus/NAME, NAME taken from the
 * program name replay_fuzz_NAME) to LLVMFuzzerTestOneInput, in name order,
 * each in a child process with a time limit, so that a crash, a sanitizer
 * report, a leak or a hang fails that file alone. It prints the plan
 * "1..N" and one line per file: "ok K - FILE" or "not ok K - FILE (why)".
 * The exit status is 0 when every file passed, 1 when one failed, 2 when
 * the corpus cannot be read.
 */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Seconds one corpus file may take before it counts as a hang. */
#define REPLAY_TIMEOUT 20

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read the whole file at path into a new exact-size heap block (so that
 * AddressSanitizer sees any read past its end). Returns 0 and sets *data
 * and *size, or -1 with errno set. */
static int slurp(const char *path, uint8_t **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;
	if (!f)
		return -1;
	for (;;) {
		if (len == cap) {
			uint8_t *nb;
			cap = cap ? cap * 2 : 4096;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return -1;
	}
	fclose(f);
	/* an exact-size copy; malloc(0) may return NULL, so keep one byte */
	*data = malloc(len ? len : 1);
	if (!*data) {
		free(buf);
		errno = ENOMEM;
		return -1;
	}
	if (len)
		memcpy(*data, buf, len);
	free(buf);
	*size = len;
	return 0;
}

/* Run the target on one file in a child process. Returns NULL when it
 * passed, or a short reason for the TAP line. */
static const char *run_one(const char *path, char *why, size_t whysz)
{
	pid_t pid;
	int status;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(why, whysz, "fork: %s", strerror(errno));
		return why;
	}
	if (pid == 0) {
		uint8_t *data;
		size_t size;
		alarm(REPLAY_TIMEOUT);
		if (slurp(path, &data, &size) < 0) {
			fprintf(stderr, "%s: %s\n", path, strerror(errno));
			exit(3);
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		exit(0); /* exit, not _exit: LeakSanitizer checks at exit */
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(why, whysz, "waitpid: %s", strerror(errno));
			return why;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return NULL;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		snprintf(why, whysz, "timeout after %d s", REPLAY_TIMEOUT);
	else if (WIFSIGNALED(status))
		snprintf(why, whysz, "killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(why, whysz, "exit status %d", WEXITSTATUS(status));
	return why;
}

/* Keep regular, non-hidden files in scandir. */
static int want_entry(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Replay the corpus named on the command line (or derived from the program
 * name); see the header comment for the output and the exit status. */
int main(int argc, char **argv)
{
	char dflt[4096], path[8192], why[256];
	const char *dir, *base, *name;
	struct dirent **list;
	int n, failed = 0, count = 0;

	if (argc > 2) {
		fprintf(stderr, "usage: %s [CORPUS_DIR]\n", argv[0]);
		return 2;
	}
	if (argc == 2) {
		dir = argv[1];
	} else {
		base = strrchr(argv[0], '/');
		base = base ? base + 1 : argv[0];
		name = strstr(base, "replay_fuzz_");
		if (!name) {
			fprintf(stderr,
				"%s: give the corpus directory (cannot tell the target from the program name)\n",
				argv[0]);
			return 2;
		}
		snprintf(dflt, sizeof(dflt), "test/fuzz/corpus/%s", name + strlen("replay_fuzz_"));
		dir = dflt;
	}
	n = scandir(dir, &list, want_entry, alphasort);
	if (n < 0) {
		fprintf(stderr, "%s: cannot read the corpus: %s\n", dir, strerror(errno));
		printf("1..0 # no corpus at %s\n", dir);
		return 2;
	}
	/* count the regular files first, for the plan */
	for (int i = 0; i < n; i++) {
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			count++;
		else
			list[i]->d_name[0] = '\0'; /* skip it below */
	}
	printf("1..%d\n", count);
	for (int i = 0, k = 0; i < n; i++) {
		const char *res;
		if (list[i]->d_name[0]) {
			snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
			res = run_one(path, why, sizeof(why));
			k++;
			if (res) {
				printf("not ok %d - %s (%s)\n", k, list[i]->d_name, res);
				failed++;
			} else {
				printf("ok %d - %s\n", k, list[i]->d_name);
			}
		}
		free(list[i]);
	}
	free(list);
	fflush(stdout);
	return failed ? 1 : 0;
}
