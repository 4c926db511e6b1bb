/*
 * identity - the benchmark baseline: read, decode, check and write every
 * record through the same common/ I/O as the filters, changing nothing.
 * A filter's throughput is reported as a ratio to this one's.
 */
#include <stddef.h>

#include "cli.h"
#include "err.h"
#include "stream.h"

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	(void)ctx;
	(void)text;
	(void)len;
	stream_emit(s, rec);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct cli_option none[] = { { NULL, 0, 0, NULL, NULL } };
	struct cli_program prog = { "[file ...]", "Copy records unchanged (benchmark baseline).", none, NULL, NULL };
	struct stream_filter f = { process, NULL, NULL, true };
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
