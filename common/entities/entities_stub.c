/* Temporary stub: replaced by the real engine. */
#include "entities/entities.h"

#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "xalloc.h"

struct ner_model {
	int dummy;
};

static const char *const type_names[ENT_NTYPES] = {
	"PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT", "CARDINAL",
};

struct ner_model *
ner_model_load(const char *path)
{
	char *p = datafile_find(path, "entities/model.bin");
	struct ner_model *m = xcalloc(1, sizeof *m);
	free(p);
	return m;
}

void
ner_model_free(struct ner_model *m)
{
	free(m);
}

void
ner_tag(const struct ner_model *m, const char *text, size_t len, const struct spans *sentences,
	struct entity_list *out)
{
	(void)m, (void)text, (void)len, (void)sentences, (void)out;
}

void
entity_list_clear(struct entity_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].canonical);
	l->n = 0;
}

void
entity_list_release(struct entity_list *l)
{
	entity_list_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

const char *
entity_type_name(enum entity_type t)
{
	return (unsigned)t < ENT_NTYPES ? type_names[t] : "?";
}

int
entity_type_from_name(const char *name)
{
	for (int i = 0; i < ENT_NTYPES; i++)
		if (strcmp(name, type_names[i]) == 0)
			return i;
	return -1;
}
