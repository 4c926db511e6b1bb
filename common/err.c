/* err.c - the one error style; see err.h. */
#include "err.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The process-wide facts every message needs: who we are and whether the
 * run has failed.  They are set once at start-up or only ever go from 0
 * to 1, like git's usage.c.
 */
static const char *progname = "newspipe";
static const char *synopsis_text;
static int run_failed;

void
prog_init(char **argv)
{
	const char *slash;

	if (argv && argv[0]) {
		slash = strrchr(argv[0], '/');
		progname = slash ? slash + 1 : argv[0];
	}
	signal(SIGPIPE, SIG_DFL);
#ifdef NEWSPIPE_FUZZ
	/* The fuzz driver runs main() once per input: one stdout, set up once. */
	static int once;
	if (once++)
		return;
#endif
	/* Large output buffer: records are small and many. */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
}

const char *
prog_name(void)
{
	return progname;
}

void
err_set_synopsis(const char *synopsis)
{
	synopsis_text = synopsis;
}

void
err_mark_failed(void)
{
	run_failed = 1;
}

/* Format into a buffer, replace control characters, append strerror on ':'. */
static void
vreport(const char *fmt, va_list ap)
{
	char buf[4096];
	int saved = errno;
	size_t n, i;
	int len;

	len = vsnprintf(buf, sizeof buf, fmt, ap);
	if (len < 0)
		len = 0;
	n = strlen(buf);
	for (i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
	fflush(stdout);
#ifdef NEWSPIPE_FUZZ
	/* Formatted (the fuzzer checks that), not printed: thousands of inputs a second. */
	return;
#endif
	if (n > 0 && buf[n - 1] == ':')
		fprintf(stderr, "%s: %s %s\n", progname, buf, strerror(saved));
	else
		fprintf(stderr, "%s: %s\n", progname, buf);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	exit(1);
}

int
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	run_failed = 1;
	return -1;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	if (synopsis_text)
		fprintf(stderr, "%s", synopsis_text);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(2);
}

int
prog_exit(void)
{
#ifdef NEWSPIPE_FUZZ
	/* stdout (/dev/null) stays open for the next input; so does a clean slate. */
	int rc = run_failed;
	fflush(stdout);
	run_failed = 0;
	return rc;
#endif
	/*
	 * A failed fflush/fclose of stdout is a lost record: report it.  The
	 * message does not go to stdout, so it cannot itself fail there.
	 */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		fclose(stdout);
		errno = e;
		warn("write error on standard output:");
		return 1;
	}
	if (fclose(stdout) != 0) {
		warn("write error on standard output:");
		return 1;
	}
	return run_failed ? 1 : 0;
}
