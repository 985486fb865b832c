# fuzz/fuzz.mk -- builds the fuzzing harnesses (GNU make).  Normally run
# through `make fuzz` from the configured build tree, which passes the
# library's C sources (libsakip_a_SOURCES, with the generated
# grammar/parser.c and grammar/lexer.c) as LIB_SOURCES.  By hand, from an
# in-tree build that has run `make` once:
#
#   make -f fuzz/fuzz.mk top_srcdir=$PWD top_builddir=$PWD
#
# Products, all under $(OUT) (default: $(top_builddir)/fuzz/build), for
# each harness H of sakip (a source file), repl (a REPL script) and csv (a
# survey CSV file):
#   fuzz_H            libFuzzer + ASan + UBSan (clang)
#   afl_H             AFL++ persistent mode + ASan + UBSan (afl-clang-fast)
#   afl_H_cmplog      the same with CmpLog instrumentation (afl-fuzz -c)
#   H-repro           plain clang + ASan + UBSan, runs files given as args
#   seeds/, seeds-repl/, seeds-csv/   the seed corpora (fuzz/make-seeds,
#                     fuzz/gen-seeds)
# Each flavour compiles the library sources itself, with its own flags:
# the gcc-built libsakip.a is never linked.
# AFL++ products are skipped with a note when afl-clang-fast is missing.

top_srcdir   ?= $(CURDIR)
top_builddir ?= $(CURDIR)
OUT          ?= $(top_builddir)/fuzz/build
FUZZ_CC      ?= clang
AFL_CC       ?= afl-clang-fast

LIB_SOURCES ?= $(filter-out $(top_srcdir)/src/main.c,$(wildcard $(top_srcdir)/src/*.c)) \
	$(firstword $(wildcard $(top_builddir)/grammar/parser.c $(top_srcdir)/grammar/parser.c)) \
	$(firstword $(wildcard $(top_builddir)/grammar/lexer.c $(top_srcdir)/grammar/lexer.c)) \
	$(top_srcdir)/grammar/parser_fast_unit.c

CPPFLAGS_FUZZ = -D_GNU_SOURCE -I$(top_builddir) -iquote $(top_srcdir)/src \
	-iquote $(top_builddir)/grammar -iquote $(top_srcdir)/grammar \
	-DSAKIP_DATADIR='"$(top_srcdir)"'
CFLAGS_COMMON = -std=c11 -g -O1 -fno-omit-frame-pointer -Wall -Wno-unused-function -MMD -MP
SAN           = address,undefined
# the libraries configure found for sakip (make fuzz passes them as FUZZ_LIBS)
FUZZ_LIBS    ?= $(shell sed -n 's/^\(LIBS\|READLINE_LIBS\) = //p' $(top_builddir)/Makefile 2>/dev/null)
LIBS          = $(or $(strip $(FUZZ_LIBS)),-lgmp -lcsv -lreadline)

LF_CFLAGS  = $(CFLAGS_COMMON) -fsanitize=fuzzer-no-link,$(SAN) -fno-sanitize-recover=all
LF_LDFLAGS = -fsanitize=fuzzer,$(SAN)
RP_CFLAGS  = $(CFLAGS_COMMON) -fsanitize=$(SAN) -fno-sanitize-recover=all
AFL_CFLAGS = $(CFLAGS_COMMON) -fsanitize=$(SAN) -fno-sanitize-recover=all

.DEFAULT_GOAL := all
HAVE_AFL := $(shell command -v $(AFL_CC) >/dev/null 2>&1 && echo yes)

objs = $(addprefix $(OUT)/$(1)/,$(notdir $(LIB_SOURCES:.c=.o)))

# one compile rule per library source and flavour
define compile_rule
$(OUT)/$(1)/$(notdir $(2:.c=.o)): $(2) | $(OUT)/$(1)
	$$(CC_$(1)) $$(CPPFLAGS_FUZZ) $$(CFLAGS_$(1)) $(3) -c $$< -o $$@
endef

CC_lf = $(FUZZ_CC)
CFLAGS_lf = $(LF_CFLAGS)
CC_rp = $(FUZZ_CC)
CFLAGS_rp = $(RP_CFLAGS)
CC_afl = AFL_QUIET=1 $(AFL_CC)
CFLAGS_afl = $(AFL_CFLAGS)
CC_cmplog = AFL_QUIET=1 AFL_LLVM_CMPLOG=1 $(AFL_CC)
CFLAGS_cmplog = $(AFL_CFLAGS)

FLAVOURS = lf rp $(if $(HAVE_AFL),afl cmplog)
# the generated scanner's own warnings are not ours
GEN_QUIET = -Wno-unused-parameter -Wno-sign-compare -Wno-unneeded-internal-declaration

$(foreach f,$(FLAVOURS),$(foreach s,$(LIB_SOURCES),\
	$(eval $(call compile_rule,$(f),$(s),$(if $(filter %/lexer.c %/parser.c,$(s)),$(GEN_QUIET))))))

H = $(top_srcdir)/fuzz
# the harnesses: fuzz/fuzz_NAME.c, one of each product per name
#   sakip  a source file through the whole pipeline (fuzz_sakip.c)
#   repl   a REPL script, optionally after a source (fuzz_repl.c)
#   csv    a survey CSV file read through `berkas` (fuzz_csv.c)
HARNESSES = sakip repl csv
# the afl_driver main is the same for each
define harness_rules
$(OUT)/lf/fuzz_$(1).o: $(H)/fuzz_$(1).c | $(OUT)/lf
	$$(CC_lf) $$(CPPFLAGS_FUZZ) $$(CFLAGS_lf) -c $$< -o $$@
$(OUT)/rp/fuzz_$(1).o: $(H)/fuzz_$(1).c | $(OUT)/rp
	$$(CC_rp) $$(CPPFLAGS_FUZZ) $$(CFLAGS_rp) -c $$< -o $$@
$(OUT)/afl/fuzz_$(1).o: $(H)/fuzz_$(1).c | $(OUT)/afl
	$$(CC_afl) $$(CPPFLAGS_FUZZ) $$(CFLAGS_afl) -c $$< -o $$@
$(OUT)/cmplog/fuzz_$(1).o: $(H)/fuzz_$(1).c | $(OUT)/cmplog
	$$(CC_cmplog) $$(CPPFLAGS_FUZZ) $$(CFLAGS_cmplog) -c $$< -o $$@
$(OUT)/fuzz_$(1): $(OUT)/lf/fuzz_$(1).o $$(call objs,lf)
	$$(CC_lf) $$(LF_LDFLAGS) -o $$@ $$^ $$(LIBS)
$(OUT)/$(1)-repro: $(OUT)/rp/fuzz_$(1).o $(OUT)/rp/afl_driver.o $$(call objs,rp)
	$$(CC_rp) -fsanitize=$$(SAN) -o $$@ $$^ $$(LIBS)
$(OUT)/afl_$(1): $(OUT)/afl/fuzz_$(1).o $(OUT)/afl/afl_driver.o $$(call objs,afl)
	$$(CC_afl) -fsanitize=$$(SAN) -o $$@ $$^ $$(LIBS)
$(OUT)/afl_$(1)_cmplog: $(OUT)/cmplog/fuzz_$(1).o $(OUT)/cmplog/afl_driver.o $$(call objs,cmplog)
	$$(CC_cmplog) -fsanitize=$$(SAN) -o $$@ $$^ $$(LIBS)
endef
$(foreach h,$(HARNESSES),$(eval $(call harness_rules,$(h))))

PRODUCTS = $(foreach h,$(HARNESSES),$(OUT)/fuzz_$(h) $(OUT)/$(h)-repro \
	$(if $(HAVE_AFL),$(OUT)/afl_$(h) $(OUT)/afl_$(h)_cmplog)) $(OUT)/seeds/.stamp

all: $(PRODUCTS)
ifeq ($(HAVE_AFL),)
	@echo "fuzz: $(AFL_CC) not found (Debian package afl++): AFL++ harnesses not built"
endif
	@echo "fuzz: built in $(OUT)"

$(OUT)/lf $(OUT)/rp $(OUT)/afl $(OUT)/cmplog:
	mkdir -p $@

$(OUT)/rp/afl_driver.o: $(H)/afl_driver.c | $(OUT)/rp
	$(CC_rp) $(CFLAGS_rp) -c $< -o $@
$(OUT)/afl/afl_driver.o: $(H)/afl_driver.c | $(OUT)/afl
	$(CC_afl) $(CFLAGS_afl) -c $< -o $@
$(OUT)/cmplog/afl_driver.o: $(H)/afl_driver.c | $(OUT)/cmplog
	$(CC_cmplog) $(CFLAGS_cmplog) -c $< -o $@

# seeds/ (the file harness), seeds-repl/, seeds-csv/: the project's own
# inputs (make-seeds) and the structured ones (gen-seeds: deep rule DAGs,
# wide and long CSVs, REPL sessions of what-ifs)
$(OUT)/seeds/.stamp: $(H)/make-seeds $(H)/gen-seeds FORCE
	sh $(H)/make-seeds $(top_srcdir) $(OUT)/seeds $(OUT)/seeds-repl $(OUT)/seeds-csv
	python3 $(H)/gen-seeds $(OUT)/seeds $(OUT)/seeds-repl $(OUT)/seeds-csv
	touch $@

clean:
	rm -rf $(OUT)

.PHONY: all clean FORCE
FORCE:
-include $(wildcard $(OUT)/*/*.d)
