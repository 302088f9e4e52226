# comic.mk - build rules for the comic viewer (issue 5), included from the Makefile.
#
# The bubble layout (game/front/comic_layout.c) measures text with SDL_ttf, so its test is a
# native binary of its own: tests/unit/test_*.c link only the core. No window is opened.
# The layout test letters with the same Comic Neue the web build subsets (FONTS_SRC, word 3).

COMIC_LAYOUT_TEST := $(BUILD)/tests/test_comic_layout

$(COMIC_LAYOUT_TEST): tests/front/test_comic_layout.c game/front/comic_layout.c game/front/comic_layout.h \
                      $(CORE_SRC) $(CORE_HDR) tests/unit/harness.h | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Wno-missing-prototypes -O1 -g $(SAN) $(shell pkg-config --cflags SDL2_ttf) \
	  -DCOMIC_FONT='"$(word 3,$(FONTS_SRC))"' \
	  $< game/front/comic_layout.c $(CORE_SRC) $(shell pkg-config --libs SDL2_ttf) -lcjson -lsodium -o $@

.PHONY: test-comic-layout
test-comic-layout: $(COMIC_LAYOUT_TEST) ## comic bubbles fit at every text size (SDL_ttf, ASan+UBSan)
	@echo "== $<"; $<

# `make test-unit` runs it too.
test-unit: test-comic-layout

