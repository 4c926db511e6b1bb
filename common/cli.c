/* cli.c - the shared option table and --help; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "strbuf.h"
#include "xalloc.h"

enum {
	OPT_ON_ERROR = 1000,
	OPT_STATS,
	OPT_PROGRESS,
	OPT_MAX_RECORD,
};

static const struct cli_option common_options[] = {
	{ "field", 'f', required_argument, "NAME", "the text field of each record (default: text)" },
	{ "on-error", OPT_ON_ERROR, required_argument, "MODE",
	  "what to do with a bad record: skip (default), pass it through as is, or fail" },
	{ "stats", OPT_STATS, no_argument, NULL, "print record counts on standard error at the end" },
	{ "progress", OPT_PROGRESS, no_argument, NULL, "show records/s and MB/s on standard error" },
	{ "unbuffered", 'u', no_argument, NULL, "write each record's output as soon as its line has arrived" },
	{ "max-record-bytes", OPT_MAX_RECORD, required_argument, "N[KMG]",
	  "refuse a record (a line) longer than this (default 256M; 0: no limit)" },
	{ "help", 'h', no_argument, NULL, "print this help and exit" },
	{ "version", 'V', no_argument, NULL, "print the version and exit" },
	{ NULL, 0, 0, NULL, NULL },
};

static size_t
count_options(const struct cli_option *o)
{
	size_t n = 0;

	while (o && o[n].name)
		n++;
	return n;
}

static void
print_option(FILE *f, const struct cli_option *o)
{
	char left[64];
	int n;

	if (o->key > 0 && o->key < 256)
		n = snprintf(left, sizeof left, "  -%c, --%s", o->key, o->name);
	else
		n = snprintf(left, sizeof left, "      --%s", o->name);
	if (o->argname && n > 0 && (size_t)n < sizeof left)
		snprintf(left + n, sizeof left - (size_t)n,
			 o->has_arg == optional_argument ? "[=%s]" : "=%s", o->argname);
	if (strlen(left) < 28)
		fprintf(f, "%-28s%s\n", left, o->help);
	else
		fprintf(f, "%s\n%-28s%s\n", left, "", o->help);
}

static void
print_help(const struct cli_program *p)
{
	const struct cli_option *o;

	printf("usage: %s %s\n\n%s\n\n", prog_name(), p->synopsis, p->summary);
	printf("With no FILE, or when FILE is -, read standard input; gzip input is\n"
	       "detected by its magic bytes.  Records are written to standard output.\n\n");
	printf("Options:\n");
	for (o = p->options; o && o->name; o++)
		print_option(stdout, o);
	for (o = common_options; o->name; o++)
		print_option(stdout, o);
	printf("\nExit status: 0 success, 1 bad input or I/O error, 2 usage error.\n");
	printf("See %s(1).\n", prog_name());
}

static void
add_short(struct strbuf *sb, const struct cli_option *o)
{
	if (o->key > 0 && o->key < 256) {
		strbuf_addch(sb, o->key);
		if (o->has_arg == required_argument)
			strbuf_addch(sb, ':');
		else if (o->has_arg == optional_argument)
			strbuf_addstr(sb, "::");
	}
}

int
cli_parse(const struct cli_program *p, struct common_opts *co, int argc, char **argv)
{
	size_t nown = count_options(p->options), ncommon = count_options(common_options);
	struct option *longopts = xcalloc(nown + ncommon + 1, sizeof *longopts);
	struct strbuf shorts = STRBUF_INIT, syn = STRBUF_INIT;
	size_t i, k = 0;
	int c;

	co->field = "text";
	co->on_error = ON_ERROR_SKIP;
	co->stats = co->progress = co->unbuffered = false;
	co->max_record = READER_DEFAULT_MAX;

	strbuf_addf(&syn, "usage: %s %s\n", prog_name(), p->synopsis);
	/* The synopsis must outlive this function: err.c keeps the pointer. */
	static char synopsis_copy[1024];
	snprintf(synopsis_copy, sizeof synopsis_copy, "%s", syn.buf);
	err_set_synopsis(synopsis_copy);
	strbuf_release(&syn);

	strbuf_addch(&shorts, ':'); /* report a missing argument as ':' */
	for (i = 0; i < nown; i++) {
		longopts[k++] = (struct option){ p->options[i].name, p->options[i].has_arg, NULL, p->options[i].key };
		add_short(&shorts, &p->options[i]);
	}
	for (i = 0; i < ncommon; i++) {
		longopts[k++] = (struct option){ common_options[i].name, common_options[i].has_arg, NULL,
						 common_options[i].key };
		add_short(&shorts, &common_options[i]);
	}

	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts.buf, longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help(p);
			free(longopts);
			strbuf_release(&shorts);
			exit(prog_exit());
		case 'V':
			printf("%s (newspipe) %s\n", prog_name(), NEWSPIPE_VERSION);
			free(longopts);
			strbuf_release(&shorts);
			exit(prog_exit());
		case 'f':
			if (!*optarg)
				usage_error("option '--field' needs a field name");
			co->field = optarg;
			break;
		case 'u':
			co->unbuffered = true;
			break;
		case OPT_ON_ERROR: {
			static const char *const modes[] = { "skip", "pass", "fail", NULL }; /* enum on_error */
			co->on_error = (enum on_error)cli_choice(optarg, modes, "--on-error");
			break;
		}
		case OPT_STATS:
			co->stats = true;
			break;
		case OPT_PROGRESS:
			co->progress = true;
			break;
		case OPT_MAX_RECORD:
			co->max_record = cli_size(optarg, 0, (size_t)1 << 40, "max-record-bytes");
			break;
		case ':':
			if (optopt > 0 && optopt < 256)
				usage_error("option '-%c' needs an argument", optopt);
			usage_error("option '%s' needs an argument", argv[optind - 1]);
		case '?':
			if (optopt > 0 && optopt < 256)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		default:
			if (!p->handle)
				usage_error("unknown option");
			p->handle(p->ctx, c, optarg);
			break;
		}
	}
	free(longopts);
	strbuf_release(&shorts);
	reader_set_default_max(co->max_record);
	return optind;
}

size_t
cli_size(const char *arg, size_t min, size_t max, const char *option)
{
	char *end;
	unsigned long long v, mult = 1;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (end != arg && *end && !end[1]) {
		switch (*end) {
		case 'K': case 'k': mult = 1ull << 10; end++; break;
		case 'M': case 'm': mult = 1ull << 20; end++; break;
		case 'G': case 'g': mult = 1ull << 30; end++; break;
		default: break;
		}
	}
	if (end == arg || *end || *arg == '-' || errno == ERANGE || v > max / mult || v * mult < min)
		usage_error("invalid value '%s' for --%s (a size in bytes, with K, M or G: from %zu to %zu)", arg,
			    option, min, max);
	return (size_t)(v * mult);
}

long long
cli_number(const char *arg, long long min, long long max, const char *option)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (!*arg || *end || errno == ERANGE || v < min || v > max)
		usage_error("invalid value '%s' for %s (a whole number from %lld to %lld)", arg, option,
			    min, max);
	return v;
}

double
cli_real(const char *arg, double min, double max, const char *option)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (!*arg || *end || errno == ERANGE || isnan(v) || v < min || v > max)
		usage_error("invalid value '%s' for %s (a number from %g to %g)", arg, option, min, max);
	return v;
}

long long
cli_duration(const char *arg, long long max_days, const char *option)
{
	char *end;
	long long v, mult = 86400;
	bool digits;

	errno = 0;
	v = strtoll(arg, &end, 10);
	digits = end != arg;
	switch (*end) {
	case 's': mult = 1; end++; break;
	case 'm': mult = 60; end++; break;
	case 'h': mult = 3600; end++; break;
	case 'd': mult = 86400; end++; break;
	default: break;
	}
	/* The message says what a duration is (a number message would hide the units). */
	if (!digits || *end || *arg == '-' || *arg == '+' || *arg == ' ' || errno == ERANGE || v < 1 ||
	    v > max_days * 86400 / mult)
		usage_error("invalid value '%s' for %s (a duration N[smhd]: from 1s to %lldd)", arg, option, max_days);
	return v * mult;
}

/*
 * Append the names of a NULL-terminated list as "a, b or c" (of entries
 * with aliases, "text|txt", the first) to sb.
 */
static void
name_list(struct strbuf *sb, const char *const *names)
{
	size_t i, n = 0;

	while (names[n])
		n++;
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addstr(sb, i + 1 == n ? " or " : ", ");
		strbuf_add(sb, names[i], strcspn(names[i], "|"));
	}
}

/* Whether arg[0..len) is one of the '|'-separated alternatives of entry. */
static int
name_matches(const char *entry, const char *arg, size_t len)
{
	for (;;) {
		size_t n = strcspn(entry, "|");
		if (n == len && strncmp(entry, arg, n) == 0)
			return 1;
		if (!entry[n])
			return 0;
		entry += n + 1;
	}
}

unsigned
cli_name_set(const char *arg, const char *const *allowed, const char *option)
{
	unsigned mask = 0;
	const char *p = arg;

	while (*p) {
		size_t n = strcspn(p, ",");
		size_t i;
		int found = 0;
		for (i = 0; allowed[i]; i++) {
			if (name_matches(allowed[i], p, n)) {
				mask |= 1u << i;
				found = 1;
			}
		}
		if (!found && n > 0) {
			struct strbuf sb = STRBUF_INIT;
			name_list(&sb, allowed);
			usage_error("unknown name '%.*s' in %s (%s)", (int)n, p, option, sb.buf);
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return mask;
}

int
cli_choice(const char *arg, const char *const *names, const char *option)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; names[i]; i++)
		if (name_matches(names[i], arg, strlen(arg)))
			return i;
	name_list(&sb, names);
	usage_error("invalid %s '%s' (%s)", option, arg, sb.buf);
	return -1; /* not reached */
}
