# newspipe - small C filters over newline-delimited JSON news records.
#
#   make            build bin/news-*           make check   every test, also under ASan+UBSan
#   make demo       install deps, build, run pipelines/digest.sh on samples/
#   make eval       quality figures on real data (needs ../shared/data)
#   make bench      throughput beside an identity filter, same run
#   make install PREFIX=/usr/local DESTDIR=
#
# Each filters/news-X.c is one program; its own modules, if any, live in
# filters/X/*.c.  Everything shared is in common/ and built once into
# build/libnewspipe.a.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
BINDIR  ?= bin

CC      ?= cc
OPT     ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -pedantic -Wstrict-prototypes -Wvla -Wwrite-strings \
           -Wmissing-prototypes -Wshadow
# libxml2 parses HTML and XML (news-clean's pages, news-split's feeds).
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
CPPFLAGS += -D_DEFAULT_SOURCE -Icommon $(XML_CFLAGS)
CFLAGS  += $(OPT) $(WARN) $(SAN) $(CHECKS)
LDFLAGS += $(SAN)
LDLIBS   = -ljansson -lcsv -lutf8proc -lxml2 -ldeflate -lz -lm

COMMON_SRC  = $(sort $(wildcard common/*.c common/*/*.c))
COMMON_OBJ  = $(COMMON_SRC:%.c=$(BUILD)/%.o)
LIB         = $(BUILD)/libnewspipe.a
FILTERS     = $(sort $(patsubst filters/news-%.c,$(BINDIR)/news-%,$(wildcard filters/news-*.c)))
UNIT_SRC    = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN    = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS       = $(BUILD)/bench/identity $(BUILD)/bench/count $(BUILD)/bench/rss $(BUILD)/tools/news-train-entities
MAN         = $(sort $(wildcard man/*.1))

ASAN_BUILD  = build/asan
SANITIZE    = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all deps check test unit bats bats-only check-asan asan eval bench demo model install clean conformance
.SECONDEXPANSION:
# Objects are not intermediates: keep them, so a second make rebuilds nothing.
.SECONDARY:

all: deps $(FILTERS) $(TOOLS)

deps:
	@scripts/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

# A filter links its own file, its module directory (if any) and the library.
$(BINDIR)/news-%: $(BUILD)/filters/news-%.o \
    $$(addprefix $(BUILD)/,$$(subst .c,.o,$$(sort $$(wildcard filters/$$*/*.c)))) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The entity tagger's trainer: a tool, not a filter (make model runs it).
$(BUILD)/tools/news-train-entities: $(BUILD)/tools/news-train-entities.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# --- tests ---------------------------------------------------------------
# make check = unit tests + Bats on the normal build, then the same under
# AddressSanitizer and UBSan.
check: all
	$(MAKE) --no-print-directory test
	$(MAKE) --no-print-directory check-asan

test: unit bats

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

bats: all
	NEWSPIPE_BIN=$(CURDIR)/$(BINDIR) NEWSPIPE_DATA=$(CURDIR)/data bats tests/

# The sanitized build also checks every record the stream writes from its
# input line against the record serialized (common/stream.c).
check-asan asan:
	$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) BINDIR=$(ASAN_BUILD)/bin OPT="-O1 -g" \
	    SAN="$(SANITIZE)" CHECKS=-DNEWSPIPE_CHECK_FAST_PATH $(ASAN_BUILD)/bin-all
	ASAN_OPTIONS=detect_leaks=1:exitcode=23 LSAN_OPTIONS=exitcode=23 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=23 \
	    $(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) BINDIR=$(ASAN_BUILD)/bin OPT="-O1 -g" \
	    SAN="$(SANITIZE)" CHECKS=-DNEWSPIPE_CHECK_FAST_PATH NEWSPIPE_SANITIZED=1 unit bats-only

$(ASAN_BUILD)/bin-all: $(FILTERS) $(TOOLS) $(UNIT_BIN)

bats-only:
	NEWSPIPE_BIN=$(CURDIR)/$(BINDIR) NEWSPIPE_DATA=$(CURDIR)/data bats tests/

conformance: all
	python3 ../shared/conformance.py

# --- quality, speed, demo ------------------------------------------------
eval: all
	@eval/run.sh

bench: all
	@scripts/deps.sh bench
	@bench/run.sh

# The digest's records go to build/digest.jsonl, its page to build/digest.html; the
# terminal gets a reader's view.
demo: all
	pipelines/digest.sh samples/*.txt >$(BUILD)/digest.jsonl
	pipelines/show.sh <$(BUILD)/digest.jsonl
	$(BINDIR)/news-digest $(BUILD)/digest.jsonl >$(BUILD)/digest.html
	@echo "(records: $(BUILD)/digest.jsonl; the page: $(BUILD)/digest.html)"

# Retrain data/entities/model.bin (deterministic; a few minutes).
NER_DATA = ../shared/data
model: $(BUILD)/tools/news-train-entities
	$(BUILD)/tools/news-train-entities --train $(NER_DATA)/conll2003/train.txt \
	    --dev $(NER_DATA)/conll2003/dev.txt --unlabeled $(NER_DATA)/unlabeled/reuters21578.jsonl.gz \
	    -o data/entities/model.bin

# --- install -------------------------------------------------------------
install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/newspipe
	cp $(FILTERS) $(DESTDIR)$(PREFIX)/bin/
	cp $(MAN) $(DESTDIR)$(PREFIX)/share/man/man1/
	cp -R data/. $(DESTDIR)$(PREFIX)/share/newspipe/
	mkdir -p $(DESTDIR)$(PREFIX)/share/newspipe/pipelines
	cp pipelines/*.sh pipelines/README.md $(DESTDIR)$(PREFIX)/share/newspipe/pipelines/

clean:
	rm -rf build $(BINDIR)

-include $(shell find build -name '*.d' 2>/dev/null)
