# fuzz/fuzz.mk -- builds the fuzzing harnesses (GNU make).  Normally run
# through `make fuzz` from the configured build tree, which passes the
# library's C sources (libsakip_a_SOURCES, with the generated
# grammar/parser.c and grammar/lexer.c) as LIB_SOURCES.  By hand, from an
# in-tree build that has run `make` once:
#
#   make -f fuzz/fuzz.mk top_srcdir=$PWD top_builddir=$PWD
#
# Products, all under $(OUT) (default: $(top_builddir)/fuzz/build):
#   fuzz_sakip        libFuzzer + ASan + UBSan (clang)
#   afl_sakip         AFL++ persistent mode + ASan + UBSan (afl-clang-fast)
#   afl_sakip_cmplog  the same with CmpLog instrumentation (afl-fuzz -c)
#   sakip-repro       plain clang + ASan + UBSan, runs files given as args
#   seeds/            the seed corpus (fuzz/make-seeds)
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
PRODUCTS = $(OUT)/fuzz_sakip $(OUT)/sakip-repro \
	$(if $(HAVE_AFL),$(OUT)/afl_sakip $(OUT)/afl_sakip_cmplog) $(OUT)/seeds/.stamp

all: $(PRODUCTS)
ifeq ($(HAVE_AFL),)
	@echo "fuzz: $(AFL_CC) not found (Debian package afl++): AFL++ harness not built"
endif
	@echo "fuzz: built in $(OUT)"

$(OUT)/lf $(OUT)/rp $(OUT)/afl $(OUT)/cmplog:
	mkdir -p $@

$(OUT)/lf/fuzz_sakip.o: $(H)/fuzz_sakip.c | $(OUT)/lf
	$(CC_lf) $(CPPFLAGS_FUZZ) $(CFLAGS_lf) -c $< -o $@
$(OUT)/rp/fuzz_sakip.o: $(H)/fuzz_sakip.c | $(OUT)/rp
	$(CC_rp) $(CPPFLAGS_FUZZ) $(CFLAGS_rp) -c $< -o $@
$(OUT)/rp/afl_driver.o: $(H)/afl_driver.c | $(OUT)/rp
	$(CC_rp) $(CFLAGS_rp) -c $< -o $@
$(OUT)/afl/fuzz_sakip.o: $(H)/fuzz_sakip.c | $(OUT)/afl
	$(CC_afl) $(CPPFLAGS_FUZZ) $(CFLAGS_afl) -c $< -o $@
$(OUT)/afl/afl_driver.o: $(H)/afl_driver.c | $(OUT)/afl
	$(CC_afl) $(CFLAGS_afl) -c $< -o $@
$(OUT)/cmplog/fuzz_sakip.o: $(H)/fuzz_sakip.c | $(OUT)/cmplog
	$(CC_cmplog) $(CPPFLAGS_FUZZ) $(CFLAGS_cmplog) -c $< -o $@
$(OUT)/cmplog/afl_driver.o: $(H)/afl_driver.c | $(OUT)/cmplog
	$(CC_cmplog) $(CFLAGS_cmplog) -c $< -o $@

$(OUT)/fuzz_sakip: $(OUT)/lf/fuzz_sakip.o $(call objs,lf)
	$(CC_lf) $(LF_LDFLAGS) -o $@ $^ $(LIBS)
$(OUT)/sakip-repro: $(OUT)/rp/fuzz_sakip.o $(OUT)/rp/afl_driver.o $(call objs,rp)
	$(CC_rp) -fsanitize=$(SAN) -o $@ $^ $(LIBS)
$(OUT)/afl_sakip: $(OUT)/afl/fuzz_sakip.o $(OUT)/afl/afl_driver.o $(call objs,afl)
	$(CC_afl) -fsanitize=$(SAN) -o $@ $^ $(LIBS)
$(OUT)/afl_sakip_cmplog: $(OUT)/cmplog/fuzz_sakip.o $(OUT)/cmplog/afl_driver.o $(call objs,cmplog)
	$(CC_cmplog) -fsanitize=$(SAN) -o $@ $^ $(LIBS)

$(OUT)/seeds/.stamp: $(H)/make-seeds FORCE
	sh $(H)/make-seeds $(top_srcdir) $(OUT)/seeds
	touch $@

clean:
	rm -rf $(OUT)

.PHONY: all clean FORCE
FORCE:
-include $(wildcard $(OUT)/*/*.d)
