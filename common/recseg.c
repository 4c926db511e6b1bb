/* recseg.c - a record's own segmentation, or the shared segmenter's; see recseg.h. */
#include "recseg.h"

#include "segment.h"

/* 1 if the field is there and valid (sp filled), else 0 (sp cleared; a malformed one is reported). */
static int
from_record(struct stream *s, const json_t *rec, const char *field, size_t ncp, struct spans *sp)
{
	const json_t *j = json_object_get(rec, field);

	spans_clear(sp);
	if (!j)
		return 0;
	if (spans_from_json(j, ncp, sp) == 0)
		return 1;
	spans_clear(sp);
	if (s)
		stream_warn(s, "bad '%s' ignored (want ascending [[start,end],...] within the text)", field);
	return 0;
}

void
recseg_check(struct stream *s, const json_t *rec, size_t ncp, struct spans *sp)
{
	from_record(s, rec, "paragraphs", ncp, sp);
	from_record(s, rec, "sentences", ncp, sp);
}

void
recseg_get(struct stream *s, const json_t *rec, const char *text, size_t len, size_t ncp, struct spans *paras,
	   struct spans *sents)
{
	int have_p = from_record(s, rec, "paragraphs", ncp, paras);
	int have_s = from_record(s, rec, "sentences", ncp, sents);

	if (have_p && have_s)
		return;
	if (!have_p && !have_s)
		segment_text(text, len, paras, sents);
	else if (have_p)
		segment_sentences_in(text, len, paras, sents);
	else
		segment_paragraphs(text, len, paras);
}
