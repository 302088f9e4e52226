# tests/bench/bench.mk - `make bench`: speed and size of the shipped game against written budgets
# (docs/performance.md), side by side with the floor of this stack in the same run.
# Included by the top Makefile (uses BUILD, WASM, EMCC, WEB_CFLAGS, WEB_LDFLAGS, WARN, CORE_SRC).
#
#   make bench                 the table, and build/bench/bench.json (+ one line in history.jsonl)
#   make bench BENCH_RUNS=7    more page loads per timing row (median; default 5)
#   make bench BENCH_ONLY=size,load   only some parts: size, time, frames, load, server

BENCH      := $(BUILD)/bench
BENCH_RUNS ?= 5
BENCH_ONLY ?=

# The floor: a minimal SDL2 + SDL_ttf program with the game's compiler and link flags.
$(BENCH)/floor/floor.js: tests/bench/floor.c tests/bench/floor.html game/tools/minify.mjs $(BUILD)/web/.fonts tests/bench/bench.mk Makefile \
                         $(WASM)/.ready game/platform/library_web.js
	@mkdir -p $(@D)/fonts
	@$(EMCC) $(WEB_CFLAGS) -c tests/bench/floor.c -o $(BENCH)/floor.o
	$(EMCC) $(BENCH)/floor.o $(WEB_LDFLAGS) -o $@
	@$(WASM_OPT) $(@D)/floor.wasm -o $(@D)/floor.wasm
	@$(MINIFY) $@
	@cp tests/bench/floor.html $(@D)/index.html
	@cp $(BUILD)/web/fonts/ui-regular.ttf $(@D)/fonts/

# Loading and checking each shipped room and comic, natively (the core only).
$(BENCH)/bench_load: tests/bench/bench_load.c $(CORE_SRC) $(CORE_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -D_DEFAULT_SOURCE -O2 $< $(CORE_SRC) -lcjson -lsodium -lm -o $@

# The disk's floor for the report server: single-row SQLite transactions with the server's settings.
$(BENCH)/sqlite_floor: tests/bench/sqlite_floor.c | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -D_DEFAULT_SOURCE -O2 $< $$(pkg-config --libs sqlite3) -o $@

# The report server's part runs when the server is part of the build (game/server/server.mk).
BENCH_SERVER := $(if $(SERVER_SRC),$(BUILD)/native/pakopeli-server)

.PHONY: bench
bench: deps web $(BENCH)/floor/floor.js $(BENCH)/bench_load $(BENCH_SERVER) $(if $(BENCH_SERVER),$(BENCH)/sqlite_floor) ## speed and size against docs/performance.md (build/bench/)
	@BENCH_RUNS=$(BENCH_RUNS) BENCH_ONLY=$(BENCH_ONLY) node tests/bench/bench.mjs

# CI's quality checks (tests/e2e/quality.test.mjs) audit the HR dashboard through a real server.
test-e2e: $(BENCH_SERVER)
