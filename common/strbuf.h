/*
 * strbuf.h - a growable byte buffer, always NUL-terminated.
 *
 * struct strbuf sb = STRBUF_INIT; ... strbuf_release(&sb);
 * The buffer owns its memory; strbuf_detach() hands it to the caller.
 */
#ifndef NEWSPIPE_STRBUF_H
#define NEWSPIPE_STRBUF_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_add_cp(struct strbuf *sb, uint32_t cp); /* UTF-8 encode */
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) NP_PRINTF(2, 3);
void strbuf_reset(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_release(struct strbuf *sb);

#endif
