# views.mk - the views' native test (issue 13, step 5), included from the Makefile.
# The room and ending views draw into a software renderer (no window), letter with the shipped
# fonts' sources (FONTS_SRC) and read the shipped rooms from levels/; the test checks the
# actions they give back. ASan+UBSan like every unit test.
VIEWS_TEST := $(BUILD)/tests/test_views
VIEWS_SRC := game/front/room_view.c game/front/ending_view.c game/front/widgets.c game/front/view.c \
             game/front/asset.c game/front/ui.c game/front/gfx.c game/front/text.c game/front/room_layout.c \
             game/front/strings.c game/front/dev_overlay.c game/platform/platform_native.c

$(VIEWS_TEST): tests/front/test_views.c $(VIEWS_SRC) $(wildcard game/front/*.h) $(CORE_SRC) $(CORE_HDR) \
               tests/unit/harness.h | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Werror -Wno-missing-prototypes -O1 -g $(SAN) $(shell pkg-config --cflags sdl2 SDL2_ttf SDL2_image) \
	  -DFONT_REGULAR='"$(word 1,$(FONTS_SRC))"' -DFONT_BOLD='"$(word 2,$(FONTS_SRC))"' \
	  $< $(VIEWS_SRC) $(CORE_SRC) $(shell pkg-config --libs sdl2 SDL2_ttf SDL2_image) -lcjson -lsodium -lm -o $@

.PHONY: test-views
test-views: $(VIEWS_TEST) ## the room and ending views' actions, natively (ASan+UBSan)
	@echo "== $<"; $<

test-unit: test-views
