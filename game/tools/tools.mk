# tools.mk - authoring tools (issue 7), included from the Makefile: pakopeli-lint, the live
# preview (`make dev`), new rooms and comics from the templates, and the linter's tests.
#
# pakopeli-lint links the same core loaders as the game (CORE_SRC), the comic and room layouts
# and the engine's own words (for the top bar), and SDL_ttf/SDL_image natively: it measures text with
# the real fonts and decodes every image, with no window.

LINT     := $(BUILD)/native/pakopeli-lint
LINT_SRC := $(wildcard game/tools/lint*.c) game/front/comic_layout.c game/front/room_layout.c game/front/strings.c
LINT_HDR := game/tools/lint.h game/front/asset.h game/platform/platform.h game/front/comic_layout.h game/front/room_layout.h game/front/strings.h game/front/font_subset.h
# Finnish messages when the shell speaks Finnish (LANG=fi_FI.UTF-8), or `make lint LINT_LANG=fi`.
LINT_LANG ?= $(if $(filter fi%,$(LANG)),fi,en)

$(LINT): $(LINT_SRC) $(LINT_HDR) $(CORE_SRC) $(CORE_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -g $(shell pkg-config --cflags sdl2 SDL2_ttf SDL2_image) $(LINT_SRC) $(CORE_SRC) \
	  $(shell pkg-config --libs SDL2_ttf SDL2_image sdl2) -lcjson -lsodium -lz -lm -o $@

# pakopeli-seal: the shipped rooms' answer key as salted tags (issue 15, game/core/seal.h); the
# web build runs it on its copy of levels/. The core only: no SDL.
SEAL := $(BUILD)/native/pakopeli-seal
$(SEAL): game/tools/seal_tool.c $(CORE_SRC) $(CORE_HDR) | $(PACKAGES)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -g game/tools/seal_tool.c $(CORE_SRC) -lcjson -lsodium -lm -o $@

.PHONY: lint
lint: $(LINT) ## check all content: one file:line:column message per problem (LINT_LANG=fi)
	@$(LINT) --lang $(LINT_LANG) levels/

# The guides carry the linter's rule table (lint_rules.c), so each rule is written once; the lint
# test fails when they differ.
.PHONY: rules-doc
rules-doc: $(LINT) ## write the linter's rules into docs/authoring.md and docs/authoring.en.md
	@for d in fi:docs/authoring.md en:docs/authoring.en.md; do lang=$${d%%:*}; doc=$${d#*:}; \
	  $(LINT) --rules --lang $$lang > $(BUILD)/rules.$$lang.md || exit 1; \
	  /usr/bin/python3 -c 'import re,sys; doc,table=sys.argv[1],open(sys.argv[2],encoding="utf-8").read(); \
	    s=open(doc,encoding="utf-8").read(); \
	    open(doc,"w",encoding="utf-8").write(re.sub(r"(<!-- rules: [^>]*-->\n)[\s\S]*?(<!-- /rules -->)", lambda m: m.group(1)+table+m.group(2), s))' \
	    $$doc $(BUILD)/rules.$$lang.md; \
	done

# ---- the live preview and new content -------------------------------------------------------

.PHONY: dev new-room new-comic
dev: web $(LINT) $(SEAL) ## live preview at http://HOST:PORT/: a saved room or comic reloads in the open game
	@node tests/e2e/dev-server.mjs --levels levels --assets assets --host $(HOST) --port $(PORT) --lang $(LINT_LANG)

new-room: $(LINT) ## a new room from levels/templates/room.json: make new-room NAME=kalenteri
	@test -n "$(NAME)" || { echo "usage: make new-room NAME=my-room (a-z, 0-9, - and _)"; exit 2; }
	@/usr/bin/python3 game/tools/new_content.py room "$(NAME)" levels
	@$(LINT) --lang $(LINT_LANG) levels/  # the whole game: the new door, code part and last door too

new-comic: $(LINT) ## a new comic from levels/templates/comic.json: make new-comic NAME=my-comic
	@test -n "$(NAME)" || { echo "usage: make new-comic NAME=my-comic (a-z, 0-9, - and _)"; exit 2; }
	@/usr/bin/python3 game/tools/new_content.py comic "$(NAME)" levels
	@$(LINT) --lang $(LINT_LANG) levels/comics/$(NAME).json

# ---- tests ----------------------------------------------------------------------------------

.PHONY: test-lint
test-lint: $(LINT) $(WASM)/.ready ## the linter on its corpus of broken files, the schemas, the shipped content
	@cd tests/lint && node --test --test-reporter=spec lint.test.mjs

# The live preview's browser test (tests/e2e/dev.test.mjs) runs the linter on every save.
test-e2e: $(LINT)

# The content's unit test asks the linter (tests/unit/test_content.c): build it first.
$(BUILD)/tests/test_content: $(LINT)
$(BUILD)/tests/test_seal: $(LINT)

# The list of texts that are the same in every language (tests/unit/test_lint_one_text.c
# compiles lint_rules.c itself).
$(BUILD)/tests/test_lint_one_text: game/tools/lint_rules.c $(LINT_HDR)
