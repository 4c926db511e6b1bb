/*
 * err.h - the one error style of newspipe.
 *
 * Every message starts with the program name ("news-clean: "), says what
 * went wrong first, is lowercase and has no full stop.  A format that ends
 * in ':' gets ": " and strerror(errno) appended (sbase style).  Control
 * characters coming from input are shown as '?' so a bad record cannot
 * drive the terminal.
 */
#ifndef NEWSPIPE_ERR_H
#define NEWSPIPE_ERR_H

#include <stdarg.h>

#if defined(__GNUC__)
#define NP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define NP_NORETURN __attribute__((noreturn))
#else
#define NP_PRINTF(a, b)
#define NP_NORETURN
#endif

/*
 * Record the program name (basename of argv[0]), restore SIGPIPE to its
 * default disposition (a parent may have ignored it) and make stdout fully
 * buffered.  Call first in main().
 */
void prog_init(char **argv);

/* The name given to prog_init(), e.g. "news-split". */
const char *prog_name(void);

/* Print "prog: message" on stderr and exit 1. */
void die(const char *fmt, ...) NP_PRINTF(1, 2) NP_NORETURN;

/*
 * Print "prog: message" on stderr, mark the run as failed (the exit
 * status will be 1) and return -1, so callers can write
 * "return warn(...)".
 */
int warn(const char *fmt, ...) NP_PRINTF(1, 2);

/* Like warn() but does not change the exit status (notices, --stats). */
void note(const char *fmt, ...) NP_PRINTF(1, 2);

/*
 * Bad usage: print "prog: message", the synopsis set by err_set_synopsis()
 * and "Try 'prog --help' for more information." on stderr; exit 2.
 */
void usage_error(const char *fmt, ...) NP_PRINTF(1, 2) NP_NORETURN;

/* The synopsis usage_error() prints; a static string, not copied. */
void err_set_synopsis(const char *synopsis);

/* Mark the run as failed without printing anything. */
void err_mark_failed(void);

/*
 * Flush and close stdout, reporting a write error, and return the exit
 * status: 1 if anything failed, else 0.  End main() with
 * "return prog_exit();".
 */
int prog_exit(void);

#endif
