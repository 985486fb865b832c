# fuzz/lsp.mk -- builds the libFuzzer target of `sakip lsp` (fuzz/fuzz_lsp.c)
# and its seeds, apart from fuzz/fuzz.mk (GNU make, clang).  From a
# configured in-tree build that has run `make` once:
#
#   make -f fuzz/lsp.mk top_srcdir=$PWD top_builddir=$PWD
#   fuzz/build/fuzz_lsp -max_total_time=60 fuzz/build/lsp-seeds
top_srcdir   ?= $(CURDIR)
top_builddir ?= $(CURDIR)
OUT          ?= $(top_builddir)/fuzz/build
FUZZ_CC      ?= clang

SOURCES = $(filter-out $(top_srcdir)/src/main.c $(top_srcdir)/src/report_xlsx.c,$(wildcard $(top_srcdir)/src/*.c)) \
	$(top_builddir)/grammar/parser.c $(top_builddir)/grammar/lexer.c \
	$(wildcard $(top_srcdir)/grammar/parser_fast_unit.c) $(top_srcdir)/fuzz/fuzz_lsp.c
CFLAGS_LSP = -std=c11 -g -O1 -fno-omit-frame-pointer -D_GNU_SOURCE -I$(top_builddir) \
	-iquote $(top_srcdir)/src -iquote $(top_builddir)/grammar -iquote $(top_srcdir)/grammar \
	-DSAKIP_DATADIR='"$(top_srcdir)"' -DLOCALEDIR='"/usr/share/locale"' -DSAKIP_MODULEDIR='"/nonexistent"' \
	-Wno-unused-parameter -Wno-sign-compare -Wno-unneeded-internal-declaration \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(shell pkg-config --cflags jansson)
LIBS_LSP = -lgmp -lcsv -lreadline $(shell pkg-config --libs jansson)

all: $(OUT)/fuzz_lsp $(OUT)/lsp-seeds/.stamp

$(OUT)/fuzz_lsp: $(SOURCES)
	mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_LSP) -o $@ $(SOURCES) $(LIBS_LSP) -ldl

# one seed per line of the golden conversations, in the framed mode (a
# leading odd byte), and the raw conversations themselves
$(OUT)/lsp-seeds/.stamp: $(wildcard $(top_srcdir)/tests/lsp/*.jsonl)
	mkdir -p $(OUT)/lsp-seeds
	n=0; for f in $^; do \
	  grep -v '^#' $$f | grep -v '^RAW' | sed 's|\$$DIR|/tmp|g' | while IFS= read -r line; do \
	    n=$$((n + 1)); printf '\001%s' "$$line" > $(OUT)/lsp-seeds/$$(basename $$f .jsonl)-$$n; done; \
	  { printf '\001'; grep -v '^#' $$f | grep -v '^RAW' | sed 's|\$$DIR|/tmp|g'; } > $(OUT)/lsp-seeds/$$(basename $$f .jsonl)-all; \
	done
	touch $@

.PHONY: all
