/*
 * count - the size of a benchmark corpus as the filters see it: records,
 * bytes of article text, and tokens of the shared tokenizer.  Printed as
 * "records text_bytes tokens" so bench/run.py can report MB/s of text and
 * tokens/s beside records/s.
 */
#include <stdio.h>

#include "cli.h"
#include "err.h"
#include "stream.h"
#include "tokenize.h"

struct counts {
	unsigned long long records, bytes, tokens;
	struct tokens toks;
};

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct counts *c = ctx;

	(void)s;
	(void)rec;
	c->records++;
	c->bytes += len;
	tokens_clear(&c->toks);
	tokenize(text, len, 0, 0, &c->toks);
	c->tokens += c->toks.n;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct cli_option none[] = { { NULL, 0, 0, NULL, NULL } };
	struct cli_program prog = { "[file ...]", "Count records, text bytes and tokens of a corpus.", none, NULL,
				    NULL };
	struct counts c = { 0, 0, 0, TOKENS_INIT };
	struct stream_filter f = { process, NULL, &c, true };
	struct common_opts co;
	struct stream *s;
	int first;

	prog_init(argv);
	first = cli_parse(&prog, &co, argc, argv);
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	tokens_release(&c.toks);
	printf("%llu %llu %llu\n", c.records, c.bytes, c.tokens);
	return prog_exit();
}
