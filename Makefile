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

.PHONY: all deps check test unit bats bats-only check-asan asan asan-build eval bench soak demo model install clean conformance
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
# make check = unit tests + Bats on the normal build, the same under
# AddressSanitizer and UBSan, and a short fuzzing pass (fuzz-check), side
# by side on CHECK_JOBS cores (each Bats file is a job).  The slowest
# sanitizer case, a 100 MB line, is in make soak (tests/long/).
CHECK_JOBS ?= 2
BATS_FILES  = $(sort $(wildcard tests/*.bats))
SANITIZED   = ASAN_OPTIONS=detect_leaks=1:exitcode=23 LSAN_OPTIONS=exitcode=23 \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=23 NEWSPIPE_SANITIZED=1
ASAN_MAKE   = $(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) BINDIR=$(ASAN_BUILD)/bin OPT="-O1 -g" \
              SAN="$(SANITIZE)" CHECKS=-DNEWSPIPE_CHECK_FAST_PATH

# deps first, alone: two apt-get runs at once would fight over dpkg's lock.
check: deps
	@$(MAKE) --no-print-directory -k -j$(CHECK_JOBS) -Otarget check-all

# The sanitized part first: it is the longest.
.PHONY: check-all test-asan fuzz-check-quiet
check-all: test-asan test fuzz-check-quiet

test: unit bats

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

# Each Bats file is a job of its own (make -j runs them side by side).
bats: all
	@$(MAKE) --no-print-directory -k bats-only

bats-only: $(BATS_FILES:tests/%.bats=bats-file/%)

bats-file/%:
	NEWSPIPE_BIN=$(CURDIR)/$(BINDIR) NEWSPIPE_DATA=$(CURDIR)/data bats tests/$*.bats

# The sanitized build also checks every record the stream writes from its
# input line against the record serialized (common/stream.c).
check-asan asan test-asan: asan-build
	@$(SANITIZED) $(ASAN_MAKE) -k unit bats-only

asan-build: deps
	@$(ASAN_MAKE) $(ASAN_BUILD)/bin-all

$(ASAN_BUILD)/bin-all: $(FILTERS) $(TOOLS) $(UNIT_BIN)

# make check's fuzzing pass: one target at a time (the Bats jobs use the other core).
fuzz-check-quiet: all
	@$(MAKE) --no-print-directory fuzz-build >/dev/null
	@FUZZ_JOBS=1 FUZZ_CHECK_SECONDS=$${FUZZ_CHECK_SECONDS:-2} fuzz/run.sh --check

conformance: all
	python3 ../shared/conformance.py

# --- fuzzing -------------------------------------------------------------
# make fuzz FUZZ_SECONDS=N runs every fuzz target for N seconds under
# ASan+UBSan with clang's libFuzzer and fails on any crash, leak, hang or
# exit; make check runs a short pass (fuzz-check: the seeds, the
# regressions and a few seconds each).  Targets (fuzz/README.md): every
# filters/news-X.c (its main() fed each input as a file; fuzz/targets.list
# adds option variants) and bench/identity.c (the record loop alone),
# built automatically, and each fuzz/harness/NAME.c (a library function;
# NAME-... links filters/NAME/ when there is such a directory).
FUZZ_BUILD   = build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_SAN     = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_FILTERS = $(FILTERS:$(BINDIR)/%=$(FUZZ_BUILD)/fz/%) $(FUZZ_BUILD)/fz/identity
FUZZ_HARNESS = $(patsubst fuzz/harness/%.c,$(FUZZ_BUILD)/fz/h-%,$(wildcard fuzz/harness/*.c))

.PHONY: fuzz fuzz-build fuzz-check
fuzz-build: deps $(FUZZ_BUILD)/data/stamp
	@$(MAKE) --no-print-directory CC=clang BUILD=$(FUZZ_BUILD) OPT="-O1 -g" SAN="$(FUZZ_SAN)" \
	    CHECKS="-DNEWSPIPE_FUZZ -DNEWSPIPE_CHECK_FAST_PATH" fuzz-targets

# The fuzz targets' data (NEWSPIPE_DATA): data/ with a small entity model
# and IDF table, the same code at many times the executions a second.
$(FUZZ_BUILD)/data/stamp: $(shell find data -type f) tests/fixtures/entities/tiny.conll \
    $(BUILD)/tools/news-train-entities
	rm -rf $(@D) && mkdir -p $(@D) && cp -R data/. $(@D)/
	$(BUILD)/tools/news-train-entities --train tests/fixtures/entities/tiny.conll \
	    --dev tests/fixtures/entities/tiny.conll --bits 12 -o $(@D)/entities/model.bin 2>/dev/null
	awk -F'\t' 'NR == 1 || $$2 > 500' data/terms/idf.tsv >$(@D)/terms/idf.tsv
	touch $@

.PHONY: fuzz-targets
fuzz-targets: $(FUZZ_FILTERS) $(FUZZ_HARNESS)

fuzz: fuzz-build
	fuzz/run.sh $(FUZZ_SECONDS)

fuzz-check: fuzz-build
	fuzz/run.sh --check

# A program's main() renamed, for fuzz/driver.c.
$(BUILD)/fzmain/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Dmain=np_filter_main -Wno-missing-prototypes -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/fz/news-%: $(FUZZ_BUILD)/fzmain/filters/news-%.o \
    $$(addprefix $(FUZZ_BUILD)/,$$(subst .c,.o,$$(sort $$(wildcard filters/$$*/*.c)))) $(FUZZ_BUILD)/fuzz/driver.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(FUZZ_BUILD)/fz/identity: $(FUZZ_BUILD)/fzmain/bench/identity.o $(FUZZ_BUILD)/fuzz/driver.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(FUZZ_BUILD)/fuzz/harness/%.o: CPPFLAGS += -Ifilters
$(FUZZ_BUILD)/fz/h-%: $(FUZZ_BUILD)/fuzz/harness/%.o \
    $$(addprefix $(FUZZ_BUILD)/,$$(subst .c,.o,$$(sort $$(wildcard filters/$$(firstword $$(subst -, ,$$*))/*.c)))) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# --- quality, speed, demo ------------------------------------------------
eval: all
	@eval/run.sh

bench: all
	@scripts/deps.sh bench
	@bench/run.sh

# A gigabyte (SOAK_MB) through the whole pipeline, every stage's memory
# sampled; then a 100 MB line through every filter, normal and sanitized.
soak: all
	@$(MAKE) --no-print-directory asan-build
	@bench/soak.sh

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
