/*
 * test_canon.c - canon_output_form() against the writer itself.
 *
 * The property that matters: whenever it gives a line, serializing the
 * line's record gives exactly that line (else a filter would write other
 * bytes on its fast path).  And it gives one for the writer's own lines
 * and for spaced or escaped variants of them (else the fast path seldom
 * runs).  Checked on hand-made lines for each way valid JSON can differ
 * from the writer's form, and on random records and random edits of them.
 * canon_put_string() is held to the writer's output for random strings.
 */
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "strbuf.h"
#include "unit.h"

#define FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17))

/* The writer's bytes for rec (what stream_emit writes, without the newline). */
static char *
dump(const json_t *rec)
{
	return json_dumps(rec, FLAGS);
}

/*
 * Check one line: -1 if it does not decode, else whether
 * canon_output_form() gave a line; a line unlike the writer's fails.
 */
static int
verdict_n(const char *line, size_t len)
{
	json_t *rec = json_loadb(line, len, 0, NULL);
	struct strbuf out = STRBUF_INIT;
	char *d;
	bool ok;

	if (!rec || !json_is_object(rec)) {
		json_decref(rec);
		return -1;
	}
	ok = canon_output_form(line, len, rec, &out);
	d = dump(rec);
	if (ok && (out.len != strlen(d) || memcmp(out.buf, d, out.len) != 0)) {
		fprintf(stderr, "unsound: %.*s\n    got: %.*s\n   dump: %s\n", (int)len, line, (int)out.len, out.buf, d);
		CHECK(!"canon_output_form() differs from the writer");
	}
	free(d);
	strbuf_release(&out);
	json_decref(rec);
	return ok;
}

static int
verdict(const char *line)
{
	return verdict_n(line, strlen(line));
}

static void
test_hand_made(void)
{
	static const char *const yes[] = {
		"{}",
		"{\"id\":\"a\",\"text\":\"Hello, world.\"}",
		"{\"a\":[1,-2,0,{\"b\":null}],\"c\":true,\"d\":false}",
		"{\"t\":\"tab\\there, quote \\\" backslash \\\\ newline \\n cr \\r ff \\f bs \\b\"}",
		"{\"t\":\"ctl \\u0001 \\u001Fx\"}",
		"{\"t\":\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 / slash \x7f\"}",
		"{\"nested\":{\"a\":{\"b\":[[],[{}]]}}}",
		"{\"\":\"\"}",
		/* Not in the output form, rewritten into it: */
		"{ }",
		"{\"id\": \"a\"}",
		" {\"id\" : \"a\" }\t",
		"{\"a\":[1, 2,\t3]}",
		"{\"t\":\"\\/\"}",
		"{\"t\":\"\\u00e9\\u00E9\\u0041\\u2028\\uFFFF\"}",
		"{\"t\":\"\\u000a\\u000A\\u0009\\u0008\\u000c\\u000d\\u001f\\u0022\\u005c\\u007f\"}",
		"{\"t\":\"\\ud83d\\ude00 \\uD83D\\uDE00\"}",
		"{\"\\u006b\":1}",
	};
	static const char *const no[] = {
		"{\"n\":1.5}",
		"{\"n\":1e3}",
		"{\"n\":1E3}",
		"{\"n\":-0}",
		"{\"n\":0.1}",
		"{\"a\":1,\"a\":2}",
		"{\"o\":{\"k\":1,\"k\":1}}",
		"{\"a\":1,\"b\":{\"a\":2},\"b\":3}",
		"{\"k\":1,\"\\u006b\":2}",
	};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof *yes; i++) {
		int v = verdict(yes[i]);
		if (v != 1)
			fprintf(stderr, "not put in the output form: %s\n", yes[i]);
		CHECK(v == 1);
	}
	for (i = 0; i < sizeof no / sizeof *no; i++) {
		int v = verdict(no[i]);
		if (v != 0)
			fprintf(stderr, "wrongly accepted (or invalid): %s\n", no[i]);
		CHECK(v == 0);
	}
	/* jansson's lexer drops a NUL byte right after a number or a literal:
	 * the line decodes, but is not the output form (found by review). */
	{
		static const char nul_int[] = "{\"a\":1\0}", nul_lit[] = "{\"a\":null\0,\"b\":true\0}",
				  nul_arr[] = "{\"a\":[1\0,2]}";
		CHECK(verdict_n(nul_int, sizeof nul_int - 1) == 0);
		CHECK(verdict_n(nul_lit, sizeof nul_lit - 1) == 0);
		CHECK(verdict_n(nul_arr, sizeof nul_arr - 1) == 0);
	}
}

/* A small deterministic generator (the test must not depend on rand()). */
static uint64_t
next(uint64_t *st)
{
	*st ^= *st << 13;
	*st ^= *st >> 7;
	*st ^= *st << 17;
	return *st;
}

static json_t *
random_string(uint64_t *st)
{
	static const char *const pieces[] = { "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
					      "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\xa8", "\xf0\x9f\x98\x80",
					      "0", "-", ":", ",", "{", "}", "[", "]", "\\u0041" };
	struct strbuf sb = STRBUF_INIT;
	size_t n = next(st) % 12, i;
	json_t *s;

	for (i = 0; i < n; i++)
		strbuf_addstr(&sb, pieces[next(st) % (sizeof pieces / sizeof *pieces)]);
	s = json_stringn(sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
	return s;
}

static json_t *
random_value(uint64_t *st, int depth)
{
	switch (next(st) % (depth > 3 ? 5 : 7)) {
	case 0: return json_integer((json_int_t)(next(st) % 2001) - 1000);
	case 1: return json_real((double)(int64_t)(next(st) % 20001 - 10000) / 64.0);
	case 2: return random_string(st);
	case 3: return next(st) % 2 ? json_true() : json_false();
	case 4: return json_null();
	case 5: {
		json_t *a = json_array();
		size_t n = next(st) % 4, i;
		for (i = 0; i < n; i++)
			json_array_append_new(a, random_value(st, depth + 1));
		return a;
	}
	default: {
		json_t *o = json_object();
		size_t n = next(st) % 4, i;
		for (i = 0; i < n; i++) {
			json_t *k = random_string(st);
			json_object_set_new(o, json_string_value(k), random_value(st, depth + 1));
			json_decref(k);
		}
		return o;
	}
	}
}

static bool
has_real(const json_t *v)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_real(v))
		return true;
	if (json_is_object(v))
		json_object_foreach((json_t *)v, key, x)
			if (has_real(x))
				return true;
	if (json_is_array(v))
		json_array_foreach(v, i, x)
			if (has_real(x))
				return true;
	return false;
}

static void
test_random(void)
{
	static const char *const inserts[] = { " ", "\n", "\\/", "1.0", "-0", "\"k\":1,", "\\u00e9", "\\u0041",
					       "\\u000a", "\\u001F", "\\ud83d\\ude00", "\\u005C" };
	uint64_t st = 0x9e3779b97f4a7c15ull;
	int recognised = 0, records = 0, i;

	for (i = 0; i < 3000; i++) {
		json_t *rec = json_object();
		size_t n = 1 + next(&st) % 5, k;
		char *line;
		for (k = 0; k < n; k++) {
			json_t *key = random_string(&st);
			json_object_set_new(rec, json_string_value(key), random_value(&st, 0));
			json_decref(key);
		}
		line = dump(rec);
		records++;
		/* The writer's own lines: copied, unless they hold a real. */
		if (verdict(line) == 1 || has_real(rec))
			recognised++;
		/* Edits: an insertion anywhere; when the result still decodes, a line given must be the writer's. */
		for (k = 0; k < 4; k++) {
			size_t at = next(&st) % (strlen(line) + 1);
			const char *ins = inserts[next(&st) % (sizeof inserts / sizeof *inserts)];
			struct strbuf sb = STRBUF_INIT;
			strbuf_add(&sb, line, at);
			strbuf_addstr(&sb, ins);
			strbuf_addstr(&sb, line + at);
			(void)verdict(sb.buf);
			strbuf_release(&sb);
		}
		free(line);
		json_decref(rec);
	}
	CHECK(recognised == records);
}

/* canon_put_string() writes a string as the writer does, byte for byte. */
static void
test_put_string(void)
{
	uint64_t st = 0x2545f4914f6cdd1dull;
	int i;

	for (i = 0; i < 2000; i++) {
		json_t *v = random_string(&st);
		struct strbuf sb = STRBUF_INIT;
		char *want = json_dumps(v, FLAGS | JSON_ENCODE_ANY);
		canon_put_string(&sb, json_string_value(v), json_string_length(v));
		CHECK(want && sb.buf && strcmp(want, sb.buf) == 0);
		free(want);
		strbuf_release(&sb);
		json_decref(v);
	}
}

int
main(void)
{
	test_hand_made();
	test_random();
	test_put_string();
	return unit_done();
}
