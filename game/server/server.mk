# game/server/server.mk - the report server (issue 6): build, tests, run.
# Included by the top Makefile, whose variables it uses (BUILD, WARN, SAN, CORE_SRC, HOST, PORT).
#
#   make server        build/native/pakopeli-server
#   make test-server   C unit tests of the server's pure modules, then the API, bad-input,
#                      crash-safety and browser tests against a real server (ASan+UBSan build)
#   make run-server    serve build/web, /hr/ and /studio/ on $(HOST):$(PORT) with data in build/data

SERVER_SRC  := $(wildcard game/server/*.c)
SERVER_HDR  := $(wildcard game/server/*.h)
# `=`, not `:=`: expanded when the recipe runs, after $(PACKAGES) installed the .pc files.
SERVER_LIBS = $(shell pkg-config --libs libmicrohttpd libsodium sqlite3 zlib libcurl libcrypto) -lcjson -lunistring -lpthread -lm
# _GNU_SOURCE: the server is POSIX code (sockets, flock, realpath, localtime_r) on top of C11.
# -I build/gen: pwlist_data.h, the list of common passwords made from an npm package (below)
SERVER_CFLAGS := $(WARN) -D_GNU_SOURCE -pthread -I$(BUILD)/gen
PWLIST_DATA := $(BUILD)/gen/pwlist_data.h
SERVER_DEPS := $(SERVER_SRC) $(SERVER_HDR) $(CORE_SRC) $(CORE_HDR) game/server/server.mk $(PWLIST_DATA)

# The common and breached passwords (ASVS 6.2.4) from zxcvbn-ts's dictionary, installed by
# game/deps/deps.sh into game/server/passwords/node_modules, turned into a C array.
$(PWLIST_DATA): game/server/passwords/gen.mjs game/server/passwords/package-lock.json | $(PACKAGES)
	@mkdir -p $(@D)
	@cd game/server/passwords && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && \
	  node gen.mjs $(abspath $@).tmp && mv $(abspath $@).tmp $(abspath $@)

$(BUILD)/native/pakopeli-server: $(SERVER_DEPS) | $(PACKAGES)
	@mkdir -p $(@D)
	$(CC) $(SERVER_CFLAGS) -O2 -g $(SERVER_SRC) $(CORE_SRC) $(SERVER_LIBS) -o $@

# The tests run this one: AddressSanitizer and UBSan catch what the tests merely pass over.
$(BUILD)/native/pakopeli-server-san: $(SERVER_DEPS) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(SERVER_CFLAGS) -O1 -g $(SAN) $(SERVER_SRC) $(CORE_SRC) $(SERVER_LIBS) -o $@

SERVER_UNIT := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_server_*.c))
# The server's pure modules are included by their tests (STYLE.md 12), so rebuild on their change.
$(SERVER_UNIT): $(SERVER_SRC) $(SERVER_HDR)
# unit names are normalised with libunistring (units.c)
$(BUILD)/tests/test_server_units: TEST_LIBS := -lunistring
# the latency histograms take logarithms
$(BUILD)/tests/test_server_lat: TEST_LIBS := -lm
# the ID-token check decodes base64url with libsodium
$(BUILD)/tests/test_server_oidc: TEST_LIBS := -lsodium
# The group commit's test opens a real database from threads: db.c and what it needs, linked.
# (and crosses the checkpoints' page counts with fewer writes)
$(BUILD)/tests/test_server_group: TEST_CFLAGS = -D_GNU_SOURCE -pthread -DDB_CHECKPOINT_PAGES=50 -DDB_WAL_BOUND_PAGES=200
$(BUILD)/tests/test_server_group: TEST_LIBS = game/server/db.c game/server/db_org.c game/server/db_content.c game/server/units.c game/server/lat.c \
  game/server/valid.c $(shell pkg-config --libs sqlite3) -lunistring -lpthread -lm
# The store's test includes store.c and serves from a real database (db.c and what store.c calls).
$(BUILD)/tests/test_server_store: TEST_CFLAGS = -D_GNU_SOURCE -pthread
$(BUILD)/tests/test_server_store: TEST_LIBS = game/server/db.c game/server/db_org.c game/server/db_content.c game/server/units.c \
  game/server/lat.c game/server/valid.c game/server/http.c game/server/buf.c game/server/auth.c game/server/replay.c \
  $(shell pkg-config --libs sqlite3 libmicrohttpd) -lunistring -lpthread -lm

.PHONY: server test-server run-server
server: $(BUILD)/native/pakopeli-server $(BUILD)/native/pakopeli-lint ## the report server (build/native/pakopeli-server) and the linter its studio runs beside it

# (the server's C unit tests, tests/unit/test_server_*.c, run with every other unit test in test-unit)
# The studio's publish and import run pakopeli-lint (found beside the server).
# The studio's browser test is among them (tests/server/studio-browser.test.mjs, about 2 minutes);
# `make test-studio-browser` runs it alone.
SERVER_TESTS := $(wildcard tests/server/*.test.mjs)
test-server: $(BUILD)/native/pakopeli-server-san $(BUILD)/native/pakopeli-lint web scorm ## report server: API, bad input, crash, browser, studio API and studio browser tests
	@PAKOPELI_SERVER=$(abspath $(BUILD)/native/pakopeli-server-san) PAKOPELI_WEB=$(abspath $(BUILD)/web) \
	  node --test --test-concurrency=1 --test-reporter=spec $(SERVER_TESTS)

.PHONY: test-studio-browser
test-studio-browser: $(BUILD)/native/pakopeli-server-san $(BUILD)/native/pakopeli-lint web ## the studio end to end in Chromium (also part of test-server)
	@PAKOPELI_SERVER=$(abspath $(BUILD)/native/pakopeli-server-san) PAKOPELI_WEB=$(abspath $(BUILD)/web) \
	  node --test --test-concurrency=1 --test-reporter=spec tests/server/studio-browser.test.mjs

run-server: server $(BUILD)/native/pakopeli-lint web ## serve the game, the HR dashboard (/hr/) and the studio (/studio/) at http://$(HOST):$(PORT)/
	@$(BUILD)/native/pakopeli-server --address=$(HOST) --port=$(PORT) --data=$(BUILD)/data \
	  --web=$(BUILD)/web --hr=game/server/hr --levels=levels

# The database's own test includes db.c and needs SQLite (and what db.c calls) at link time.
$(BUILD)/tests/test_server_db_errors: tests/unit/test_server_db_errors.c $(SERVER_SRC) $(SERVER_HDR) $(CORE_SRC) | $(PACKAGES)
	@mkdir -p $(@D)
	@$(CC) $(SERVER_CFLAGS) -Werror -Wno-missing-prototypes -O1 -g $(SAN) $< game/server/db_org.c game/server/db_content.c game/server/valid.c \
	  game/server/units.c game/server/lat.c $(CORE_SRC) -lcjson -lsodium -lsqlite3 -lunistring -lm -o $@
