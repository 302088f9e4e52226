# tests/fuzz/fuzz.mk - libFuzzer targets for every parser of untrusted input (issue 15), the
# allocation-failure sweep and the linearity test. Included by the top Makefile.
#
#   make fuzz FUZZ_SECONDS=600   run each target for that long, one after another (the corpus
#                                grows in build/fuzz/corpus/<target>; a crash leaves its input
#                                in build/fuzz/crash-<target>-* and stops make)
#   make test-fuzz               each target once over its seeds and found inputs (seconds),
#                                the allocation-failure sweep and the linearity test
#
# clang, not gcc: libFuzzer is clang's, and its -fsanitize=undefined can add float-cast-overflow
# (a cast of inf or 1e300 to int), which the rest of the tests get from gcc's list in SAN.

FUZZ_CC      := clang-14
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := room game comic event replay request csv lint oidc resume ingest sealed phrases
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_FLAGS   := -std=c11 -g -O1 -fno-omit-frame-pointer -D_GNU_SOURCE -Wall -Wextra \
                -fsanitize=fuzzer,address,undefined,float-cast-overflow -fno-sanitize-recover=all
FUZZ_CORE    := $(CORE_SRC) $(CORE_HDR) tests/fuzz/fuzz.h tests/fuzz/fuzz.mk

fuzz_srcs_room    := $(CORE_SRC)
fuzz_srcs_game    := $(CORE_SRC)
fuzz_srcs_comic   := $(CORE_SRC)
fuzz_srcs_event   := $(CORE_SRC)
fuzz_srcs_replay  := $(CORE_SRC) game/server/replay.c
fuzz_srcs_request := $(CORE_SRC) game/server/valid.c game/server/auth.c
fuzz_srcs_csv     := game/server/csv.c game/server/buf.c game/server/valid.c
fuzz_srcs_lint    := $(CORE_SRC) $(LINT_SRC)
fuzz_srcs_oidc    := game/server/oidc_token.c game/server/valid.c game/server/auth.c
fuzz_libs_oidc     = $(shell pkg-config --libs libsodium)
fuzz_srcs_resume  := $(CORE_SRC)
# the intake of answers on a real database: the server without its main()
fuzz_srcs_ingest  := $(CORE_SRC) $(filter-out game/server/main.c,$(SERVER_SRC))
fuzz_libs_ingest   = $(SERVER_LIBS)
fuzz_defs_ingest  := -D_GNU_SOURCE -pthread -I$(BUILD)/gen
$(FUZZ_DIR)/fuzz_ingest: $(PWLIST_DATA)
fuzz_srcs_sealed  := $(CORE_SRC)
fuzz_srcs_phrases := $(CORE_SRC)
fuzz_libs_request  = $(shell pkg-config --libs libsodium)
fuzz_libs_lint     = $(shell pkg-config --cflags --libs sdl2 SDL2_ttf SDL2_image) -lz
# the linter's own main() would clash with libFuzzer's: renamed for this build only
fuzz_defs_lint    := -Dmain=pakopeli_lint_main -Wno-missing-prototypes

define fuzz_rule
$(FUZZ_DIR)/fuzz_$(1): tests/fuzz/fuzz_$(1).c $$(fuzz_srcs_$(1)) $(FUZZ_CORE) $(SERVER_HDR) $(LINT_HDR) | $(PACKAGES)
	@mkdir -p $$(@D)
	@$(FUZZ_CC) $(FUZZ_FLAGS) $$(fuzz_defs_$(1)) tests/fuzz/fuzz_$(1).c $$(fuzz_srcs_$(1)) -lcjson -lsodium -lm $$(fuzz_libs_$(1)) -o $$@
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_rule,$(t))))

FUZZ_BINS := $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))

# Seeds are copies of the repository's own files, made fresh (levels/ changes under us).
.PHONY: fuzz-seeds
fuzz-seeds: $(LINT) $(SEAL)
	@/usr/bin/python3 tests/fuzz/seeds.py $(FUZZ_DIR)/seeds $(LINT) $(SEAL)

# ASAN_OPTIONS: a loader that leaks on a refused input is a finding too.
FUZZ_ENV := ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1

.PHONY: fuzz
fuzz: $(FUZZ_BINS) fuzz-seeds ## run every fuzzer for FUZZ_SECONDS each (default 60): make fuzz FUZZ_SECONDS=600
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/pakopeli.dict \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_DIR)/crash-$$t- $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t \
	    2> $(FUZZ_DIR)/fuzz_$$t.log || { tail -40 $(FUZZ_DIR)/fuzz_$$t.log; exit 1; }; \
	  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss)' $(FUZZ_DIR)/fuzz_$$t.log; \
	done

# ---- the regression check in make test ------------------------------------------------------------

FUZZ_OOM := $(FUZZ_DIR)/oom_sweep
$(FUZZ_OOM): tests/fuzz/oom_sweep.c $(CORE_SRC) $(CORE_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Werror -Wno-missing-prototypes -O1 -g $(SAN) -Wl,--wrap=malloc \
	  tests/fuzz/oom_sweep.c $(CORE_SRC) -lcjson -lsodium -o $@

# no sanitizers: it measures time
FUZZ_LINEAR := $(FUZZ_DIR)/linear
$(FUZZ_LINEAR): tests/fuzz/linear.c $(CORE_SRC) $(CORE_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Werror -O2 -g tests/fuzz/linear.c $(CORE_SRC) -lcjson -lsodium -o $@

.PHONY: test-fuzz
test-fuzz: $(FUZZ_BINS) fuzz-seeds $(FUZZ_OOM) $(FUZZ_LINEAR) ## every fuzzer over its seeds once, the allocation-failure sweep, the linearity test
	@for t in $(FUZZ_TARGETS); do \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -runs=0 -timeout=10 $(FUZZ_DIR)/seeds/$$t > $(FUZZ_DIR)/replay_$$t.log 2>&1 \
	    || { tail -40 $(FUZZ_DIR)/replay_$$t.log; echo "fuzz_$$t: an input of its corpus fails"; exit 1; }; \
	  echo "fuzz_$$t: $$(ls $(FUZZ_DIR)/seeds/$$t | wc -l) inputs replayed"; \
	done
	@$(FUZZ_OOM)
	@$(FUZZ_LINEAR)
