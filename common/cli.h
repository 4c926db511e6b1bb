/*
 * cli.h - the command line every filter shares, from one option table.
 *
 * A filter describes itself (name, synopsis, a paragraph of help) and its
 * own options in a table; cli_parse() adds the common options, parses
 * with getopt_long, prints --help and --version, and calls the filter's
 * handler for each of its own options.  Short letters used here are
 * reserved for every filter: -h -V -f -u.
 */
#ifndef NEWSPIPE_CLI_H
#define NEWSPIPE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#define NEWSPIPE_VERSION "0.1.0"

enum on_error { ON_ERROR_SKIP, ON_ERROR_PASS, ON_ERROR_FAIL };

/* The options every filter has. */
struct common_opts {
	const char *field;      /* -f, --field: the text field, default "text" */
	enum on_error on_error; /* --on-error */
	bool stats;             /* --stats: counts on stderr at the end */
	bool progress;          /* --progress: rate on stderr while running */
	bool unbuffered;        /* -u: flush after every record */
	size_t max_record;      /* --max-record-bytes: longer lines are refused (0: no bound) */
};

/*
 * One option of a filter.  key is what the handler receives: the short
 * letter when there is one, else a value >= 256 unique in the table.
 * has_arg is no_argument, required_argument or optional_argument from
 * <getopt.h>.  argname names the argument in --help ("N", "FILE").
 */
struct cli_option {
	const char *name;
	int key;
	int has_arg;
	const char *argname;
	const char *help;
};

struct cli_program {
	const char *synopsis;    /* after the name: "[-e unit] [file ...]" */
	const char *summary;     /* one line: what the filter does */
	const struct cli_option *options; /* ends with { NULL } */
	/*
	 * Called for each of the filter's own options, in order.  Bad values
	 * call usage_error(), which exits 2.
	 */
	void (*handle)(void *ctx, int key, const char *arg);
	void *ctx;
};

/*
 * Parse argv.  Fills *co (defaults first), handles -h, -V and errors, and
 * returns the index of the first operand (a file name).
 */
int cli_parse(const struct cli_program *p, struct common_opts *co, int argc, char **argv);

/*
 * A size with an optional binary suffix (K, M, G: KiB, MiB, GiB) in
 * [min, max] bytes, else usage_error() naming the option.
 */
size_t cli_size(const char *arg, size_t min, size_t max, const char *option);

/*
 * Strict number parsing for option values: the whole string must be a
 * number in [min, max], else usage_error() naming the option.
 */
long long cli_number(const char *arg, long long min, long long max, const char *option);
double cli_real(const char *arg, double min, double max, const char *option);

/*
 * A duration "N[smhd]" (seconds, minutes, hours or days; days when no
 * unit is given) in seconds, from 1 second to max_days days; anything
 * else is a usage error naming the option ("--window").
 */
long long cli_duration(const char *arg, long long max_days, const char *option);

/*
 * Parse a comma-separated list of names against a NULL-terminated list of
 * allowed names; returns a bit mask (bit i = allowed[i]).  An unknown
 * name is a usage error naming the option ("--types") and the names.
 */
unsigned cli_name_set(const char *arg, const char *const *allowed, const char *option);

/*
 * The index of arg in a NULL-terminated list of names, an entry
 * possibly giving aliases ("ndjson|jsonl"); anything else is a usage
 * error: "invalid --option 'arg' (a, b or c)".
 */
int cli_choice(const char *arg, const char *const *names, const char *option);

#endif
