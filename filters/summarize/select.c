/* select.c - sentence scoring, MMR selection under a length limit, output; see summarize.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "summarize.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Weights of the sentence score.  Centrality (cosine with the group's
 * TF-IDF centroid, MEAD's centroid; and a degree, LexRank's summed
 * similarity with the other sentences) says what the text is about;
 * position says what the writer put first (news is written top-down);
 * similarity with the title is the editor's own summary; names that the
 * whole text keeps mentioning (news-tag-entities) mark its actors.  Set on
 * general principles and checked on development data
 * (eval/eval-summarize.sh), not fitted.
 *
 * A group of articles (multi-document news) rewards the lead less than one
 * article does: there position keeps half the weight of a centrality cue,
 * by the sentence's relative place in its article, and the degree counts
 * every other sentence.
 *
 * A single story is read from the top, in the inverted pyramid: its lede
 * opens the summary (lede()), and the rest is ranked by a position-weighted
 * centrality.  Position weighs as much as two centrality cues and falls
 * with the sentence's rank (the fifth sentence is as far from the lede in a
 * long story as in a short one); the degree is directed, as in PACSUM
 * (Zheng and Lapata, 2019): a sentence counts by how much the sentences
 * AFTER it say the same, since a news story states a point and then
 * elaborates it, while a sentence that only echoes earlier ones is
 * detail.  On bbc-dev, whose extractive references reward centrality
 * alone, this costs ROUGE at the references' own length (they take 40% of
 * the article) but still beats the lead there; on web news against an
 * editor's description it is what beats the first three sentences.
 */
struct weights {
	double centroid, degree, position, single_position, title, entity, lambda;
};

static const struct weights W = { 1.0, 1.0, 0.5, 2.0, 0.5, 0.25, 0.8 };

/*
 * In a group, a sentence this similar (cosine) to one already chosen
 * repeats it in other words (outlets paraphrase one another): MMR lowers
 * it, and above this it is not chosen at all.  One writer rarely repeats
 * a point, so a single article needs no such cut.
 */
#define MAX_OVERLAP 0.5

/*
 * Above this a sentence repeats one already chosen nearly word for word (a
 * caption that copies the lede, a list item that recurs): never chosen, in
 * an article or a group.
 */
#define MAX_REPEAT 0.8

/* A sentence added to fill a budget must be worth this share of the first one chosen. */
#define MIN_FILL 0.3

/*
 * A sentence that opens with a pronoun or a connective leans on the one
 * before it ("He said...", "But the firm..."); out of its context it
 * reads as a non sequitur, so it ranks a little lower.
 */
static int
leans_on_context(const char *s, size_t len)
{
	static const char *const words[] = {
		"He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her", "Its", "Their",
		"But", "And", "However,", "Also,", "Meanwhile,", "Still,", "Yet", "Such", "Some", "Instead,",
	};
	size_t k, n = 0;

	while (n < len && s[n] != ' ' && s[n] != '\n')
		n++;
	for (k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strlen(words[k]) == n && memcmp(s, words[k], n) == 0)
			return 1;
	return 0;
}

/* Does sentence s open with a quotation mark (a direct quotation, whatever `quotes` says)? */
static int
opens_quote(const struct corpus *c, const struct sentence *s)
{
	const unsigned char *t = (const unsigned char *)json_string_value(c->arts[s->art].text) + s->bstart;
	size_t n = s->bend - s->bstart;

	return n > 3 && (t[0] == '"' || t[0] == '\'' ||
			 (t[0] == 0xe2 && t[1] == 0x80 && (t[2] == 0x9c || t[2] == 0x98)));
}

static double
dot_dense(const struct corpus *c, const struct sentence *s, const double *d)
{
	const struct term_weight *p = c->tw + s->tstart, *pe = p + s->tlen;
	double dot = 0;

	for (; p < pe; p++)
		dot += p->w * d[p->id];
	return dot;
}

static double
title_cosine(const struct corpus *c, const struct sentence *s)
{
	const struct article *a = &c->arts[s->art];
	struct sentence t;

	if (a->title_len == 0)
		return 0;
	memset(&t, 0, sizeof t);
	t.tstart = a->title_start;
	t.tlen = a->title_len;
	t.norm = a->title_norm;
	return sent_cosine(c, s, &t);
}

static int
is_candidate(const struct corpus *c, size_t i)
{
	const struct sentence *s = &c->sents[i];
	return (s->flags & SENT_ELIGIBLE) && s->rep == i && !c->arts[s->art].skip;
}

/*
 * The degree of each eligible sentence (deg[i]; 0 for the others): the sum
 * of its cosines with the other eligible sentences (all of them, or with
 * forward only those after it in its own article), as a dot product with
 * the sum of their unit vectors, so O(terms) and not O(sentences^2).
 * Returns the largest degree among the candidates.
 */
static double
degrees(const struct corpus *c, int forward, double *deg)
{
	double *u = xcalloc(c->nvocab ? c->nvocab : 1, sizeof *u), max = 0;
	size_t i, j, k, art = (size_t)-1;

	/* Undirected: sum all the unit vectors, then take each sentence's own out. */
	for (i = 0; !forward && i < c->nsents; i++) {
		const struct sentence *s = &c->sents[i];
		const struct term_weight *p = c->tw + s->tstart, *pe = p + s->tlen;
		if (!(s->flags & SENT_ELIGIBLE) || s->norm <= 0)
			continue;
		for (; p < pe; p++)
			u[p->id] += p->w / s->norm;
	}
	/* Forward: from the end, the sum holds the sentences after the one scored, in its article. */
	for (j = c->nsents; j-- > 0;) {
		const struct sentence *s = &c->sents[j];
		const struct term_weight *p = c->tw + s->tstart, *pe = p + s->tlen;
		if (forward && s->art != art) { /* a new article: clear the terms of the one after it */
			if (art != (size_t)-1)
				for (k = c->arts[art].first; k < c->arts[art].first + c->arts[art].nsent; k++) {
					const struct term_weight *q = c->tw + c->sents[k].tstart, *qe = q + c->sents[k].tlen;
					for (; q < qe; q++)
						u[q->id] = 0;
				}
			art = s->art;
		}
		deg[j] = 0;
		if (!(s->flags & SENT_ELIGIBLE) || s->norm <= 0)
			continue;
		deg[j] = dot_dense(c, s, u) / s->norm - (forward ? 0 : 1);
		if (deg[j] < 0)
			deg[j] = 0;
		if (is_candidate(c, j) && deg[j] > max)
			max = deg[j];
		for (; forward && p < pe; p++)
			u[p->id] += p->w / s->norm;
	}
	free(u);
	return max;
}

/*
 * Is the summary one story's?  One article, or a group whose other
 * articles only copy it (every sentence that may be chosen is in one
 * article): it is read from the top like one article.
 */
static int
one_story(const struct corpus *c)
{
	size_t i, art = (size_t)-1;

	for (i = 0; i < c->nsents; i++) {
		if (!is_candidate(c, i))
			continue;
		if (art != (size_t)-1 && c->sents[i].art != art)
			return 0;
		art = c->sents[i].art;
	}
	return 1;
}

static void
score_rank(struct corpus *c)
{
	double *g = xcalloc(c->nvocab ? c->nvocab : 1, sizeof *g);
	double *deg = xcalloc(c->nsents ? c->nsents : 1, sizeof *deg);
	double gnorm = 0, maxc = 0, maxd, maxs = 0, maxe = 0, *ent = NULL;
	size_t i;
	int single;

	for (i = 0; i < c->nsents; i++) {
		const struct sentence *s = &c->sents[i];
		const struct term_weight *p = c->tw + s->tstart, *pe = p + s->tlen;
		if (!(s->flags & SENT_ELIGIBLE) || s->norm <= 0)
			continue;
		for (; p < pe; p++)
			g[p->id] += p->w;
	}
	for (i = 0; i < c->nvocab; i++)
		gnorm += g[i] * g[i];
	gnorm = sqrt(gnorm);
	single = one_story(c);
	maxd = degrees(c, single, deg);
	for (i = 0; i < c->nsents; i++) {
		struct sentence *s = &c->sents[i];
		double cent;
		if (!is_candidate(c, i) || s->norm <= 0) {
			s->score = 0;
			continue;
		}
		cent = gnorm > 0 ? dot_dense(c, s, g) / (s->norm * gnorm) : 0;
		s->score = cent;
		maxc = cent > maxc ? cent : maxc;
	}
	/* Entity cue: how much the sentence's names are talked about in the whole text or group. */
	if (c->nments) {
		double *count = xcalloc(c->nvocab ? c->nvocab : 1, sizeof *count);
		ent = xcalloc(c->nsents, sizeof *ent);
		for (i = 0; i < c->nments; i++)
			count[c->ments[i].ent] += 1;
		for (i = 0; i < c->nments; i++)
			ent[c->ments[i].sent] += log(1 + count[c->ments[i].ent]);
		for (i = 0; i < c->nsents; i++)
			if (is_candidate(c, i) && ent[i] > maxe)
				maxe = ent[i];
		free(count);
	}
	for (i = 0; i < c->nsents; i++) {
		struct sentence *s = &c->sents[i];
		const struct article *a = &c->arts[s->art];
		double cent, deg_i, pos, wpos, title, len, sc, names;
		if (!is_candidate(c, i) || s->norm <= 0) {
			s->score = is_candidate(c, i) ? 1e-9 : 0;
			continue;
		}
		cent = maxc > 0 ? s->score / maxc : 0;
		deg_i = maxd > 0 ? deg[i] / maxd : 0;
		if (single) { /* by rank from the top: 1 for the lede, 1/2 for the fourth sentence */
			wpos = W.single_position;
			pos = 1.0 / (1.0 + (double)s->pos / 3.0);
		} else { /* by relative rank in the article: 1 for the lead, falling to 0 at the end */
			wpos = W.position;
			pos = a->neligible > 1 ? 1.0 - (double)s->pos / (double)a->neligible : 1.0;
		}
		if (s->flags & SENT_HEADER) /* before the story's first plain sentence: not its top */
			pos = 0;
		title = title_cosine(c, s);
		names = ent && maxe > 0 ? ent[i] / maxe : 0;
		sc = W.centroid * cent + W.degree * deg_i + wpos * pos + W.title * title + W.entity * names;
		/* Very short sentences say little; quotations colour more than they inform. */
		len = s->nwords < 10 ? (double)s->nwords / 10.0 : 1.0;
		sc *= len;
		if (s->flags & SENT_QUOTE)
			sc *= 0.8;
		sc *= s->prose; /* captions and glued units (prose.c) */
		if (s->pos > 0 && leans_on_context(json_string_value(a->text) + s->bstart, s->bend - s->bstart))
			sc *= 0.8;
		s->score = sc > 1e-9 ? sc : 1e-9;
		maxs = s->score > maxs ? s->score : maxs;
	}
	if (maxs > 0)
		for (i = 0; i < c->nsents; i++)
			c->sents[i].score /= maxs;
	free(g);
	free(deg);
	free(ent);
}

static void
score_lead(struct corpus *c)
{
	size_t i;

	/* Reading order: the first article's sentences first, each one's in order. */
	for (i = 0; i < c->nsents; i++) {
		struct sentence *s = &c->sents[i];
		s->score = is_candidate(c, i) ? 1.0 / (1.0 + (double)i) : 0;
	}
}

static void
pick_push(struct selection *out, size_t sent, size_t end, size_t bend)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n].sent = sent;
	out->v[out->n].end = end;
	out->v[out->n].bend = bend;
	out->n++;
}

/*
 * Cut the sentence s, which ends at byte *bend (its own end, or where an
 * earlier cut left it), to at most `words` words and `bytes` bytes (0: no
 * such limit), at a word boundary where there is one.  Sets *end / *bend;
 * returns 0 when nothing is left.
 */
static int
cut_sentence(const struct corpus *c, const struct sentence *s, size_t words, size_t bytes, size_t *end,
	     size_t *bend)
{
	const char *text = json_string_value(c->arts[s->art].text);
	size_t b, lim, n = 0, cut = *bend, stop = *bend;
	int in = 0;

	if (words) {
		cut = s->bstart;
		for (b = s->bstart; b < stop; b++) {
			unsigned char ch = (unsigned char)text[b];
			int sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
			if (!sp && !in && ++n > words)
				break;
			if (!sp)
				cut = b + 1;
			in = !sp;
		}
		/* cut is one past a byte of the last word kept: move to the end of its code point. */
		while (cut < stop && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut++;
		stop = cut;
	}
	if (bytes && stop - s->bstart > bytes) {
		lim = s->bstart + bytes;
		/* The last whitespace at or before the limit, else the last code-point boundary. */
		for (b = lim; b > s->bstart; b--) {
			unsigned char ch = (unsigned char)text[b];
			if (b < stop && (ch == ' ' || ch == '\t' || ch == '\n'))
				break;
		}
		if (b > s->bstart) {
			cut = b;
		} else {
			cut = lim;
			while (cut > s->bstart && ((unsigned char)text[cut] & 0xC0) == 0x80)
				cut--;
		}
		while (cut > s->bstart && (text[cut - 1] == ' ' || text[cut - 1] == '\t' || text[cut - 1] == '\n'))
			cut--;
	}
	if (cut <= s->bstart)
		return 0;
	*bend = cut;
	*end = s->start + utf8_cplen(text + s->bstart, cut - s->bstart);
	return 1;
}

/* What the summary has used of its limits. */
struct used {
	size_t sentences, words, bytes;
};

/* Does sentence s fit whole in what the limits leave? */
static int
fits(const struct limit *lim, const struct used *u, const struct sentence *s)
{
	size_t sep = u->sentences ? 1 : 0; /* the space that joins it to the summary */

	return (!lim->sentences || u->sentences < lim->sentences) && (!lim->words || u->words + s->nwords <= lim->words) &&
	       (!lim->bytes || u->bytes + sep + (s->bend - s->bstart) <= lim->bytes);
}

/* Cut s to the room the word and byte limits leave; 0 when there is none. */
static int
cut_to_room(const struct corpus *c, const struct limit *lim, const struct used *u, const struct sentence *s,
	    size_t *end, size_t *bend)
{
	size_t sep = u->sentences ? 1 : 0;

	if ((lim->words && u->words >= lim->words) || (lim->bytes && u->bytes + sep >= lim->bytes) ||
	    (!lim->words && !lim->bytes))
		return 0;
	*end = s->end;
	*bend = s->bend;
	return cut_sentence(c, s, lim->words ? lim->words - u->words : 0, lim->bytes ? lim->bytes - u->bytes - sep : 0,
			    end, bend);
}

static void
use(struct used *u, const struct corpus *c, const struct pick *p)
{
	const struct sentence *s = &c->sents[p->sent];
	const char *text = json_string_value(c->arts[s->art].text);

	u->bytes += (u->sentences ? 1 : 0) + (p->bend - s->bstart);
	u->words += words_count(text + s->bstart, p->bend - s->bstart);
	u->sentences++;
}

/*
 * Reading order.  When every article has a `published` date: by article
 * date (then input order), each article's sentences in text order, so
 * the story unfolds in time.  Otherwise input order says nothing about
 * time, and sentences go by their relative place in their article (the
 * leads, which state the story, first; details after), ties by article.
 * Within one article this is text order either way.
 */
struct art_key {
	const char *published;
	size_t idx;
};

static int
cmp_art(const void *x, const void *y)
{
	const struct art_key *a = x, *b = y;
	int r = strcmp(a->published, b->published);

	if (r)
		return r;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int
cmp_pick(const void *x, const void *y)
{
	const struct pick *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static void
reading_order(const struct corpus *c, struct selection *out)
{
	size_t *rank = xcalloc(c->narts ? c->narts : 1, sizeof *rank);
	struct art_key *order = xcalloc(c->narts ? c->narts : 1, sizeof *order);
	size_t i;
	int dated = 1;

	for (i = 0; i < c->narts; i++) {
		order[i].published = c->arts[i].published;
		order[i].idx = i;
		if (!c->arts[i].published)
			dated = 0;
	}
	if (dated)
		qsort(order, c->narts, sizeof *order, cmp_art);
	for (i = 0; i < c->narts; i++)
		rank[order[i].idx] = i;
	for (i = 0; i < out->n; i++) {
		const struct sentence *s = &c->sents[out->v[i].sent];
		const struct article *a = &c->arts[s->art];
		out->v[i].rank = rank[s->art];
		out->v[i].start = s->start;
		out->v[i].key = dated || c->narts == 1 ? 0 : (double)s->pos / (double)(a->neligible ? a->neligible : 1);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_pick);
	free(rank);
	free(order);
}

struct cand {
	double v;
	size_t i;
};

static int
cmp_cand(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * The lede of a single article, when it opens the summary: its first
 * sentence of plain prose (units that read like captions, prose weight
 * below 1, are passed over).  A news story is written top-down and its
 * first sentence says what happened, who and where: a short summary
 * without it misses the point, whatever else is central (on bbc-dev it
 * costs nothing: ROUGE-2 F1 0.701 without, 0.699 with).  Not when that
 * sentence is a quotation or does not fit the limits whole.  (size_t)-1
 * when there is no such lede.
 */
static size_t
lede(const struct corpus *c, const struct limit *lim)
{
	static const struct used none = { 0, 0, 0 };
	size_t i;

	if (!one_story(c))
		return (size_t)-1;
	for (i = 0; i < c->nsents; i++) {
		const struct sentence *s = &c->sents[i];
		if (!is_candidate(c, i) || s->score <= 0 || s->prose < 1)
			continue;
		if (!(s->flags & SENT_QUOTE) && !opens_quote(c, s) && fits(lim, &none, s))
			return i;
		return (size_t)-1;
	}
	return (size_t)-1;
}

/*
 * One round of greedy MMR: rank the sentences still available and take
 * the best one that fits the limits (a sentence that does not fit now
 * never will, so it is dropped).  Returns the pick or (size_t)-1, and
 * sets *stop when the summary is complete.  A round costs O(n log n)
 * whatever the budget, so the selection is O(picks x n log n).
 */
static size_t
select_round(struct corpus *c, enum method m, const struct limit *lim, const double *maxsim, char *used,
	     struct cand *cv, struct used *u, double *first, struct selection *out, int *stop)
{
	size_t i, k, n = 0, end, bend;

	for (i = 0; i < c->nsents; i++) {
		if (used[i] || c->sents[i].score <= 0 || maxsim[i] > MAX_REPEAT ||
		    (c->narts > 1 && maxsim[i] > MAX_OVERLAP))
			continue;
		cv[n].v = m == METHOD_LEAD ? c->sents[i].score : W.lambda * c->sents[i].score - (1 - W.lambda) * maxsim[i];
		cv[n].i = i;
		n++;
	}
	if (n > 1)
		qsort(cv, n, sizeof *cv, cmp_cand);
	for (k = 0; k < n; k++) {
		const struct sentence *s = &c->sents[cv[k].i];

		/*
		 * Under a word or byte budget the last room tempts greedy filling
		 * with whatever short sentence fits; a weak one out of context
		 * reads worse than a shorter summary (unless asked to fill it).
		 */
		if (u->sentences > 0 && m != METHOD_LEAD && (lim->words || lim->bytes) && !lim->truncate &&
		    cv[k].v < MIN_FILL * *first)
			break;
		used[cv[k].i] = 1;
		if (fits(lim, u, s)) {
			pick_push(out, cv[k].i, s->end, s->bend);
			use(u, c, &out->v[out->n - 1]);
			if (u->sentences == 1)
				*first = cv[k].v;
			return cv[k].i;
		}
		if (!lim->truncate)
			continue; /* a shorter one may still fit */
		if (cut_to_room(c, lim, u, s, &end, &bend)) {
			pick_push(out, cv[k].i, end, bend);
			use(u, c, &out->v[out->n - 1]);
		}
		break;
	}
	*stop = 1;
	return (size_t)-1;
}

void
summarize_select(struct corpus *c, enum method m, const struct limit *lim, struct selection *out)
{
	double *maxsim, first = 0;
	struct cand *cv;
	char *used;
	struct used u = { 0, 0, 0 };
	size_t i, best = (size_t)-1, end, bend;
	int stop = 0;

	out->n = 0;
	if (c->nsents == 0)
		return;
	if (m == METHOD_LEAD)
		score_lead(c);
	else
		score_rank(c);
	maxsim = xcalloc(c->nsents, sizeof *maxsim);
	used = xcalloc(c->nsents, 1);
	cv = xcalloc(c->nsents, sizeof *cv);
	for (;;) {
		size_t pick = (size_t)-1;
		if (stop || (lim->sentences && u.sentences >= lim->sentences))
			break;
		if (u.sentences == 0 && m == METHOD_RANK && (pick = lede(c, lim)) != (size_t)-1) {
			used[pick] = 1;
			pick_push(out, pick, c->sents[pick].end, c->sents[pick].bend);
			use(&u, c, &out->v[0]);
			first = W.lambda; /* what the best-ranked sentence would have been worth */
		} else {
			pick = select_round(c, m, lim, maxsim, used, cv, &u, &first, out, &stop);
		}
		if (pick == (size_t)-1)
			break;
		for (i = 0; i < c->nsents; i++) {
			double sim;
			if (used[i] || c->sents[i].score <= 0)
				continue;
			sim = sent_cosine(c, &c->sents[i], &c->sents[pick]);
			if (sim > maxsim[i])
				maxsim[i] = sim;
		}
	}
	/* Nothing fitted whole: the best sentence, cut to the budget. */
	if (out->n == 0) {
		for (i = 0; i < c->nsents; i++)
			if (c->sents[i].score > 0 && (best == (size_t)-1 || c->sents[i].score > c->sents[best].score))
				best = i;
		if (best != (size_t)-1 && cut_to_room(c, lim, &u, &c->sents[best], &end, &bend))
			pick_push(out, best, end, bend);
	}
	free(maxsim);
	free(used);
	free(cv);
	reading_order(c, out);
}

json_t *
summary_text(const struct corpus *c, const struct selection *sel)
{
	struct strbuf sb = STRBUF_INIT;
	json_t *j;
	size_t k, b;

	for (k = 0; k < sel->n; k++) {
		const struct sentence *s = &c->sents[sel->v[k].sent];
		const char *text = json_string_value(c->arts[s->art].text);
		size_t at;
		if (k)
			strbuf_addch(&sb, ' ');
		at = sb.len;
		strbuf_add(&sb, text + s->bstart, sel->v[k].bend - s->bstart);
		/* Line breaks inside a sentence become spaces (same byte count). */
		for (b = at; b < sb.len; b++)
			if (sb.buf[b] == '\n' || sb.buf[b] == '\r' || sb.buf[b] == '\t')
				sb.buf[b] = ' ';
	}
	j = json_stringn(sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
	return j;
}

json_t *
summary_sentences(const struct corpus *c, const struct selection *sel)
{
	json_t *arr = json_array();
	size_t k;

	for (k = 0; k < sel->n; k++) {
		const struct sentence *s = &c->sents[sel->v[k].sent];
		json_t *o = json_object();
		json_object_set(o, "id", c->arts[s->art].id);
		json_object_set_new(o, "start", json_integer((json_int_t)s->start));
		json_object_set_new(o, "end", json_integer((json_int_t)sel->v[k].end));
		json_array_append_new(arr, o);
	}
	return arr;
}
