/*
 * test_common.c - unit tests of the small common/ modules: UTF-8 offsets,
 * the fixed hash, spans, binary files (round trip and every corruption),
 * and the line reader (long lines, CRLF, BOM, no final newline, gzip).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "binfile.h"
#include "hash.h"
#include "input.h"
#include "spans.h"
#include "utf8.h"
#include "unit.h"

static void
test_utf8(void)
{
	const char *s = "a\xc3\xa9\xe2\x98\xba\xf0\x9f\x98\x80z"; /* a é ☺ 😀 z */
	size_t len = strlen(s), i = 0;
	struct utf8_index ix = { NULL, 0, 0 };

	CHECK(utf8_valid(s, len));
	CHECK(!utf8_valid("\xff", 1));
	CHECK(!utf8_valid("\xc0\xaf", 2));         /* overlong */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	CHECK(!utf8_valid("\xe2\x98", 2));         /* truncated */
	CHECK(utf8_cplen(s, len) == 5);
	CHECK(utf8_next(s, len, &i) == 'a' && i == 1);
	CHECK(utf8_next(s, len, &i) == 0xe9 && i == 3);
	CHECK(utf8_next(s, len, &i) == 0x263a && i == 6);
	CHECK(utf8_next(s, len, &i) == 0x1f600 && i == 10);
	i = 10;
	CHECK(utf8_prev(s, &i) == 0x1f600 && i == 6);
	CHECK(utf8_byte_offset(s, len, 3) == 6);
	CHECK(utf8_byte_offset(s, len, 99) == len);
	utf8_index_build(&ix, s, len);
	CHECK(ix.ncp == 5 && utf8_index_byte(&ix, 4) == 10 && utf8_index_byte(&ix, 5) == len);
	utf8_index_release(&ix);
	CHECK(uc_is_upper(0xc9) && uc_is_lower(0xe9) && uc_is_space(0xa0) && uc_is_punct(0x201c));
	CHECK(uc_tolower(0xc9) == 0xe9);
}

static void
test_hash(void)
{
	/* The values are stored in files (ids, state): they must never change. */
	/* Pinned values: a change here breaks every stored id and state file. */
	CHECK(hash64("newspipe", 8, 0) == 0x580699807c5022d7ULL);
	CHECK(hash64("The quick brown fox", 19, 42) == 0xbd8b10a03cf69ed6ULL);
	CHECK(hash64("abc", 3, 0) != hash64("abd", 3, 0));
	CHECK(hash64("abc", 3, 0) != hash64("abc", 3, 1));
	CHECK(hash64("abcdefghijklmnop", 16, 7) == hash64("abcdefghijklmnop", 16, 7));
}

static void
test_spans(void)
{
	struct spans sp = SPANS_INIT;
	json_error_t e;
	json_t *j = json_loads("[[0,3],[4,9]]", 0, &e), *bad = json_loads("[[4,9],[0,3]]", 0, &e);
	json_t *out;
	char *txt;

	CHECK(spans_from_json(j, 9, &sp) == 0 && sp.n == 2 && sp.v[1].end == 9);
	CHECK(spans_from_json(j, 8, &sp) == -1);   /* past the text */
	CHECK(spans_from_json(bad, 9, &sp) == -1); /* not ascending */
	spans_clear(&sp);
	spans_push(&sp, 1, 2);
	out = spans_to_json(&sp);
	txt = json_dumps(out, JSON_COMPACT);
	CHECK(strcmp(txt, "[[1,2]]") == 0);
	free(txt);
	json_decref(out);
	json_decref(j);
	json_decref(bad);
	spans_release(&sp);
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(data, 1, n, f);
	fclose(f);
}

static void
test_binfile(const char *dir)
{
	char path[512], bad[512];
	static const char magic[8] = "NPTEST01";
	const char a[] = "hello", b[] = "0123456789abcdef0123";
	struct binfile_section sec[2] = { { BINFILE_TAG('A', 'A', 'A', 'A'), a, sizeof a },
					  { BINFILE_TAG('B', 'B', 'B', 'B'), b, sizeof b } };
	struct binfile bf;
	uint64_t size;
	const char *p;
	unsigned char *raw;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/t.bin", dir);
	snprintf(bad, sizeof bad, "%s/bad.bin", dir);
	CHECK(binfile_write(path, magic, 3, sec, 2) == 0);
	CHECK(binfile_open(&bf, path, magic, 1, 3) == 0);
	p = binfile_section(&bf, BINFILE_TAG('B', 'B', 'B', 'B'), &size);
	CHECK(p && size == sizeof b && memcmp(p, b, size) == 0);
	CHECK(binfile_section(&bf, BINFILE_TAG('C', 'C', 'C', 'C'), NULL) == NULL);
	binfile_close(&bf);

	/* Wrong magic, newer version, truncation, a flipped bit: all refused. */
	CHECK(binfile_open(&bf, path, "NPOTHER1", 1, 3) == -1);
	CHECK(binfile_open(&bf, path, magic, 4, 5) == -1);
	f = fopen(path, "rb");
	raw = malloc(4096);
	n = fread(raw, 1, 4096, f);
	fclose(f);
	write_file(bad, raw, n - 5);
	CHECK(binfile_open(&bf, bad, magic, 1, 3) == -1);
	write_file(bad, raw, 10);
	CHECK(binfile_open(&bf, bad, magic, 1, 3) == -1);
	raw[n - 10] ^= 1;
	write_file(bad, raw, n);
	CHECK(binfile_open(&bf, bad, magic, 1, 3) == -1);
	free(raw);
	CHECK(binfile_open(&bf, "/nonexistent/x.bin", magic, 1, 3) == -1);
}

static void
test_reader(const char *dir)
{
	char path[512];
	struct reader r;
	const char *line;
	size_t len, big = 3 * 1024 * 1024, i;
	char *data = malloc(big + 64);
	gzFile gz;

	/* BOM, CRLF, a 3 MB line spanning buffer refills, no final newline. */
	memcpy(data, "\xef\xbb\xbf" "ab\r\n", 7);
	for (i = 7; i < 7 + big; i++)
		data[i] = 'x';
	memcpy(data + 7 + big, "\nlast", 5);
	snprintf(path, sizeof path, "%s/lines.txt", dir);
	write_file(path, data, 12 + big);
	CHECK(reader_open(&r, path) == 0);
	CHECK(reader_getline(&r, &line, &len) == 1 && len == 2 && memcmp(line, "ab", 2) == 0);
	CHECK(reader_getline(&r, &line, &len) == 1 && len == big && line[0] == 'x' && line[big - 1] == 'x');
	CHECK(reader_getline(&r, &line, &len) == 1 && len == 4 && memcmp(line, "last", 4) == 0 && r.lineno == 3);
	CHECK(reader_getline(&r, &line, &len) == 0);
	reader_close(&r);

	snprintf(path, sizeof path, "%s/lines.gz", dir);
	gz = gzopen(path, "wb");
	gzwrite(gz, "one\ntwo\n", 8);
	gzclose(gz);
	CHECK(reader_open(&r, path) == 0);
	CHECK(reader_getline(&r, &line, &len) == 1 && len == 3 && memcmp(line, "one", 3) == 0);
	CHECK(reader_getline(&r, &line, &len) == 1 && len == 3 && memcmp(line, "two", 3) == 0);
	CHECK(reader_getline(&r, &line, &len) == 0);
	reader_close(&r);
	free(data);
}

int
main(void)
{
	char dir[] = "/tmp/np-unit-XXXXXX";

	if (!mkdtemp(dir))
		return 1;
	test_utf8();
	test_hash();
	test_spans();
	test_binfile(dir);
	test_reader(dir);
	{
		char cmd[600];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
	}
	return unit_done();
}
