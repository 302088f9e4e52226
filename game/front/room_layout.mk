# room_layout.mk - the room layout's test (issue 13), included from the Makefile.
# The room layout (game/front/room_layout.c) is pure C: its test needs no font and no window,
# only SDL's rectangle type.
ROOM_LAYOUT_TEST := $(BUILD)/tests/test_room_layout

$(ROOM_LAYOUT_TEST): tests/front/test_room_layout.c game/front/room_layout.c game/front/room_layout.h \
                     $(CORE_SRC) $(CORE_HDR) tests/unit/harness.h | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(WARN) -Werror -Wno-missing-prototypes -O1 -g $(SAN) $(shell pkg-config --cflags sdl2) \
	  $< game/front/room_layout.c $(CORE_SRC) -lcjson -lsodium -lm -o $@

.PHONY: test-room-layout
test-room-layout: $(ROOM_LAYOUT_TEST) ## the room layout in CSS px: laptop, phone, zoom (ASan+UBSan)
	@echo "== $<"; $<

test-unit: test-room-layout
