/*
 * identity - the benchmark baseline: read, decode, check and write every
 * record through the same common/ I/O as the filters, changing nothing.
 * A filter's throughput is reported as a ratio to this one's.
 *
 * By default each record is serialized again, as a filter that changes
 * its records must (news-clean, news-split); --as-read writes the line
 * as read, put in the output form (stream_emit_adding() with nothing to
 * add), as filters that only add members do: the floor of the record I/O.
 */
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "err.h"
#include "stream.h"

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	const bool *as_read = ctx;

	(void)text;
	(void)len;
	if (*as_read)
		stream_emit_adding(s, rec, NULL, NULL, 0);
	else
		stream_emit(s, rec);
	return 0;
}

static void
handle(void *ctx, int key, const char *arg)
{
	(void)key;
	(void)arg;
	*(bool *)ctx = true;
}

int
main(int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "as-read", 256, 0, NULL, "write each line as read (in the output form), not re-serialized" },
		{ NULL, 0, 0, NULL, NULL },
	};
	bool as_read = false;
	struct cli_program prog = { "[--as-read] [file ...]", "Copy records unchanged (benchmark baseline).", opts,
				    handle, &as_read };
	struct stream_filter f = { process, NULL, &as_read, true };
	struct common_opts co;
	struct stream *s;
	int first;

	prog_init(argv);
	first = cli_parse(&prog, &co, argc, argv);
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	return prog_exit();
}
