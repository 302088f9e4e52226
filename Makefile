# Pakopeli - build, run and test. `make help` lists the targets.
#
# One C core (game/core) is linked three ways: into the SDL front end for the browser
# (emcc -> build/web) and the desktop (cc -> build/native), and into the tests and tools.

.DEFAULT_GOAL := help
SHELL := /bin/bash

BUILD    := build
WASM     := $(BUILD)/deps/wasm
PORT     ?= 8080
HOST     ?= 127.0.0.1

# Node 20+ runs the browser tests; on Debian 12 (Node 18) deps.sh puts Node 22 from the npm registry
# in build/deps/node/bin, found first by every recipe (a folder not made yet is simply skipped).
export PATH := $(abspath $(BUILD))/deps/node/bin:$(PATH)

CORE_SRC  := $(wildcard game/core/*.c)
FRONT_SRC := $(wildcard game/front/*.c)
CORE_HDR  := $(wildcard game/core/*.h)
ALL_HDR   := $(CORE_HDR) $(wildcard game/front/*.h game/platform/*.h)

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wundef -Wno-overlength-strings \
        -Wno-format-nonliteral  # the UI's localised format strings come from a fixed table (strings.c)
SAN  := -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
# float-cast-overflow: not part of gcc's "undefined"; (int) of inf or 1e300 is undefined behaviour (issue 15)

# ---- set-up ---------------------------------------------------------------------------------

.PHONY: deps
deps: ## install Debian packages, build SDL2 & co for WebAssembly, npm packages (idempotent)
	@game/deps/deps.sh $(abspath $(WASM))

# deps.sh is cheap when everything is there; builds depend on its stamps, not on running it.
# Two stamps, because native tools (the linter, the server, the unit tests) need only Debian's
# packages, while the web build also needs SDL2 & co built for WebAssembly and the npm packages.
PACKAGES := $(BUILD)/deps/.packages
$(PACKAGES): game/deps/deps.sh
	@game/deps/deps.sh --packages-only
	@mkdir -p $(@D) && touch $@

$(WASM)/.ready: game/deps/deps.sh game/deps/wasm-libs.sh tests/e2e/package-lock.json | $(PACKAGES)
	@game/deps/deps.sh $(abspath $(WASM))
	@touch $@

# ---- native ---------------------------------------------------------------------------------

# NOT `:=`: these must be expanded when a recipe runs, after $(PACKAGES) has installed the -dev
# packages, not when make reads this file (on a fresh machine there is no SDL2 .pc file yet).
NATIVE_CFLAGS = $(WARN) -O2 -g $(shell pkg-config --cflags sdl2 SDL2_ttf SDL2_image)
NATIVE_LIBS   = $(shell pkg-config --libs sdl2 SDL2_ttf SDL2_image) -lcjson -lsodium -lm

.PHONY: native
native: $(BUILD)/native/pakopeli $(BUILD)/web/.content ## the desktop game: build/native/pakopeli

$(BUILD)/native/pakopeli: $(CORE_SRC) $(FRONT_SRC) game/platform/platform_native.c $(ALL_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	$(CC) $(NATIVE_CFLAGS) $(CORE_SRC) $(FRONT_SRC) game/platform/platform_native.c $(NATIVE_LIBS) -o $@

# ---- web ------------------------------------------------------------------------------------

EMCC := NODE_PATH=/usr/share/nodejs emcc   # emcc's optimiser needs Debian's acorn
# A second binaryen pass over emcc's output finds a little more to fold (-0.7 kB br; Debian's
# emscripten depends on binaryen). Exports keep their names: the glue still finds them.
WASM_OPT := wasm-opt -Oz
MINIFY := NODE_PATH=/usr/share/nodejs node game/tools/minify.mjs   # Debian's node-terser
WEB_CFLAGS := $(WARN) -Oz -flto -I$(WASM)/include/SDL2 -I$(WASM)/include
WEB_LDFLAGS := -Oz -flto -L$(WASM)/lib -lSDL2_ttf -lSDL2_image -lfreetype -lSDL2 -lcjson -lsodium \
  -sALLOW_MEMORY_GROWTH=1 \
  -sINITIAL_MEMORY=16MB \
  -sENVIRONMENT=web \
  -sEXIT_RUNTIME=0 \
  -sMALLOC=emmalloc \
  -sFILESYSTEM=0 --js-library game/platform/library_web.js \
  "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=['\$$dynCall']" \
  --closure 0
# -flto: the libraries are LLVM bitcode (game/deps/wasm-libs.sh), so the link keeps only what the
#   game reaches; our own objects are bitcode too (WEB_CFLAGS), so the link also folds across our
#   files and the libraries' (pakopeli.wasm 198.8 -> 197.5 kB br). Sizes and times of each choice: docs/performance.md (make bench measures them).
# ALLOW_MEMORY_GROWTH: rooms and images vary; start small (16 MB) and grow when needed.
# ENVIRONMENT=web: no Node or worker code paths in the output (smaller .js).
# MALLOC=emmalloc: a small allocator instead of dlmalloc (-1.8 kB br); allocation is not what a
#   frame or the first load spends its time on (docs/performance.md).
# FILESYSTEM=0: files come by fetch() (platform_web.c js_fetch), never fopen (library_web.js says more).
# DEFAULT_LIBRARY_FUNCS_TO_INCLUDE: $$dynCall, which SDL's Emscripten code calls from JavaScript.
# MINIFY: terser over emcc's glue (no Closure in Debian's Emscripten) and the page's scripts;
#   the floor's glue gets the same (docs/performance.md).
# We emit .js, not .html: our page is web/index.html (emcc's HTML minifier is broken in 3.1.6).

WEB_OBJ := $(patsubst game/%.c,$(BUILD)/obj-web/%.o,$(CORE_SRC) $(FRONT_SRC) game/platform/platform_web.c)

$(BUILD)/obj-web/%.o: game/%.c $(ALL_HDR) | $(WASM)/.ready
	@mkdir -p $(@D)
	@$(EMCC) $(WEB_CFLAGS) -c $< -o $@

$(BUILD)/web/pakopeli.js: $(WEB_OBJ) game/tools/minify.mjs $(WASM)/.ready $(wildcard $(WASM)/lib/*.a) game/platform/library_web.js
	@mkdir -p $(@D)
	$(EMCC) $(WEB_OBJ) $(WEB_LDFLAGS) -o $@
	@$(WASM_OPT) $(@D)/pakopeli.wasm -o $(@D)/pakopeli.wasm
	@$(MINIFY) $@

FONTS_SRC := /usr/share/fonts/truetype/lato/Lato-Regular.ttf /usr/share/fonts/truetype/lato/Lato-Bold.ttf \
             /usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf
# Fonts are subset to the scripts our content uses (Latin, with Finnish and Swedish letters,
# punctuation and arrows): a tenth of the size. The full fonts stay installed (fonts-lato,
# fonts-comic-neue) for authors' new text: widen FONT_SUBSET in game/front/font_subset.h when it
# needs a new letter; pakopeli-lint refuses content with a letter outside it (code "letter").
# Comic Neue's CFF outlines become TrueType ones (game/tools/otf2ttf.py): the web build's FreeType
# has only the TrueType driver (game/deps/wasm-libs.sh).
# No OpenType layout tables (SDL_ttf without HarfBuzz never reads GSUB/GPOS/GDEF, a quarter of
# Lato) and no hinting instructions (text.c asks FreeType for light hinting, which looks the same
# without them at our sizes): half the bytes, and glyphs rasterise faster (docs/performance.md).
SUBSET_UNICODES := $(shell sed -n 's/^\#define FONT_SUBSET "\(.*\)"/\1/p' game/front/font_subset.h)
$(BUILD)/web/.fonts: $(FONTS_SRC) Makefile game/front/font_subset.h game/tools/otf2ttf.py | $(WASM)/.ready
	@mkdir -p $(BUILD)/web/fonts
	@for pair in ui-regular.ttf:$(word 1,$(FONTS_SRC)) ui-bold.ttf:$(word 2,$(FONTS_SRC)) comic.ttf:$(word 3,$(FONTS_SRC)); do \
	  out=$${pair%%:*}; src=$${pair#*:}; \
	  /usr/bin/python3 -m fontTools.subset "$$src" --unicodes="$(SUBSET_UNICODES)" \
	    --layout-features='' --drop-tables+=GSUB,GPOS,GDEF --no-hinting --output-file=$(BUILD)/web/fonts/$$out || exit 1; \
	done
	@/usr/bin/python3 game/tools/otf2ttf.py $(BUILD)/web/fonts/comic.ttf $(BUILD)/web/fonts/comic.ttf
	@touch $@

CONTENT := $(shell find levels assets -type f 2>/dev/null)
# The rooms ship sealed (game/core/seal.h): build/web/levels is levels/ with each room's answer
# key as salted tags, made by pakopeli-seal; levels/ itself stays plain for the linter, make dev,
# the tests and the report server's replay.
$(BUILD)/web/.content: $(CONTENT) $(wildcard web/*) game/tools/preload.mjs game/tools/minify.mjs $(BUILD)/native/pakopeli-seal | $(PACKAGES)
	@mkdir -p $(BUILD)/web
	@rm -rf $(BUILD)/web/levels $(BUILD)/web/assets
	@cp -r levels assets $(BUILD)/web/
	@$(BUILD)/native/pakopeli-seal $(BUILD)/web/levels
	@cp web/* $(BUILD)/web/
	@$(MINIFY) $(BUILD)/web/shell.js $(BUILD)/web/report.js $(BUILD)/web/scorm.js
	@node game/tools/preload.mjs $(BUILD)/web
	@touch $@

# The loaders' messages in Finnish and Swedish (core/diag_text.h): the web game fetches them
# when it shows an error instead of carrying them in the wasm (docs/performance.md, issue 18).
$(BUILD)/web/diag-phrases.json: $(BUILD)/native/pakopeli-lint
	@mkdir -p $(@D)
	@$(BUILD)/native/pakopeli-lint --phrases > $@.tmp && mv $@.tmp $@

# Brotli at build time (quality 11 is too slow to do per request): FILE.br beside every file the
# servers compress, made again when FILE is newer. pakopeli-server and the dev servers send it
# to browsers that accept br, gzip (made when served) to the rest.
BROTLI_TYPES := -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.json' -o -name '*.css' \
  -o -name '*.svg' -o -name '*.ttf' -o -name '*.otf'
$(BUILD)/web/.br: $(BUILD)/web/pakopeli.js $(BUILD)/web/.fonts $(BUILD)/web/.content $(BUILD)/web/diag-phrases.json | $(PACKAGES)
	@find $(BUILD)/web -type f \( $(BROTLI_TYPES) \) | while read -r f; do \
	  [ "$$f.br" -nt "$$f" ] || { brotli -q 11 -f -k "$$f" && touch "$$f.br"; } || exit 1; done
	@touch $@

.PHONY: web
web: $(BUILD)/web/pakopeli.js $(BUILD)/web/.fonts $(BUILD)/web/.content $(BUILD)/web/diag-phrases.json $(BUILD)/web/.br ## the browser game: build/web/
	@echo "build/web: $$(du -sb $(BUILD)/web | cut -f1) bytes"

# ---- tests ----------------------------------------------------------------------------------

UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

$(BUILD)/tests/%: tests/unit/%.c $(CORE_SRC) $(CORE_HDR) tests/unit/harness.h | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Werror -Wno-missing-prototypes -O1 -g $(SAN) $(TEST_CFLAGS) $< $(CORE_SRC) -lcjson -lsodium $(TEST_LIBS) -o $@

.PHONY: test test-unit test-e2e
test: deps test-unit test-fuzz test-lint test-e2e test-server ## every test: core (ASan+UBSan), the fuzzers' corpora, the browser end to end, the report server
	@echo "make test: all passed"

test-unit: $(UNIT_TESTS) ## core unit tests, natively with sanitizers
	@for t in $(UNIT_TESTS); do echo "== $$t"; $$t || exit 1; done

# The shipped fonts letter cleanly and in proportion at every size the game draws, natively and
# as WebAssembly under Node with the libraries the web game links (tests/front/test_text_metrics.c
# says why both). Node's fetch would make Emscripten 3.1.6's loader fetch() a file path: off.
TEXT_FONTS := $(BUILD)/web/fonts/ui-regular.ttf $(BUILD)/web/fonts/ui-bold.ttf $(BUILD)/web/fonts/comic.ttf
TEXT_TEST_SRC := tests/front/test_text_metrics.c tests/unit/harness.h
$(BUILD)/tests/test_text_metrics: $(TEXT_TEST_SRC) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Wno-missing-prototypes -O1 -g $(SAN) $< $(shell pkg-config --cflags --libs SDL2_ttf) -lm -o $@
$(BUILD)/tests/test_text_metrics.js: $(TEXT_TEST_SRC) $(WASM)/.ready $(WASM)/lib/libfreetype.a $(WASM)/lib/libSDL2_ttf.a
	@mkdir -p $(@D)
	@$(EMCC) $(WARN) -Wno-missing-prototypes -O2 -I$(WASM)/include/SDL2 -I$(WASM)/include $< -L$(WASM)/lib \
	  -lSDL2_ttf -lfreetype -lSDL2 -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -o $@

.PHONY: test-text-metrics
test-text-metrics: $(BUILD)/tests/test_text_metrics $(BUILD)/tests/test_text_metrics.js $(BUILD)/web/.fonts ## fonts letter cleanly at every size (native and wasm)
	@echo "== $(BUILD)/tests/test_text_metrics (native)"; $(BUILD)/tests/test_text_metrics $(TEXT_FONTS)
	@echo "== $(BUILD)/tests/test_text_metrics.js (WebAssembly)"; node --no-experimental-fetch $(BUILD)/tests/test_text_metrics.js $(TEXT_FONTS)
test-unit: test-text-metrics

# Approved screens (tests/e2e/screens.test.mjs, part of test-e2e): a screen that differs from its
# approved image in tests/screens/ fails with build/screens/golden/NAME.png and NAME.diff.png.
.PHONY: test-screens approve-screens
test-screens: web native server ## only the approved-screens comparison (build/screens/golden/ on a difference)
	@cd tests/e2e && node --test --test-reporter=spec screens.test.mjs
approve-screens: ## keep the last run's differing screens as approved (open each and its diff first)
	@node tests/e2e/approve-screens.mjs

test-e2e: web native ## browser tests: playwright-core driving Debian's chromium
	@cd tests/e2e && node --test --test-reporter=spec *.test.mjs

# The game read aloud by a real screen reader: Orca reading Debian's Chromium over AT-SPI on a
# private Xvfb display (tests/a11y/orca.sh; docs/accessibility.md). About 2 minutes, plus one more
# the first time per content (every room played to reach the last door); not part of `make test`.
# Needs orca, xvfb and xdotool from Debian: it installs nothing and says how when they are missing.
.PHONY: test-screenreader
test-screenreader: web native ## Orca (a real screen reader) plays a room and the last door; asserts what it says
	@tests/a11y/orca.sh

# A contributor's first run, proved: the README's two commands on a clean Debian 12 root made with
# debootstrap (tests/fresh/fresh-check.sh says how). Slow (20-40 min), so not part of `make test`.
.PHONY: fresh-check
fresh-check: ## clean Debian 12 root (debootstrap): clone, first `make test` and `make run` there, timed
	@tests/fresh/fresh-check.sh

# ---- run ------------------------------------------------------------------------------------

.PHONY: run run-native
run: deps web server $(BUILD)/native/pakopeli-lint ## build and serve the game, the HR dashboard and the studio
	@echo "Pakopeli: http://$(HOST):$(PORT)/   HR: http://$(HOST):$(PORT)/hr/   studio: http://$(HOST):$(PORT)/studio/   (Ctrl+C stops)"
	@$(BUILD)/native/pakopeli-server --address=$(HOST) --port=$(PORT) --data=$(BUILD)/data \
	  --web=$(BUILD)/web --hr=game/server/hr --levels=levels

run-native: native ## play the desktop build
	@cd $(BUILD)/web && ../native/pakopeli

# Parts with their own build rules.
-include game/server/server.mk
-include game/front/comic.mk
-include game/front/room_layout.mk
-include game/front/views.mk
-include game/tools/tools.mk
-include game/tools/scorm.mk
-include tests/bench/bench.mk
-include tests/fuzz/fuzz.mk

.PHONY: clean help
clean: ## remove build outputs (keeps the WebAssembly libraries in build/deps)
	@find $(BUILD) -mindepth 1 -maxdepth 1 ! -name deps -exec rm -rf {} +

help:
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14
