# steiger - GNU Makefile.
#
#   make            build ./steiger (dev build: -Werror, hardening flags)
#   make run        install what is missing, build, create steiger.db with the
#                   Zoetermeer example if there is none, and serve it on
#                   http://localhost:8040 (PORT=...)
#   make test       every test suite; ends with one line "N passed, M failed"
#   make sanitize   the same tests on an ASan+UBSan build (build-asan/)
#   make bench      the benchmarks; figures go to bench/RESULTS.md
#   make fuzz       run the libFuzzer targets for FUZZ_SECONDS each (clang;
#                   FUZZ_TARGETS="form cookie" for some of them)
#   make lint       format, escaping-formatter and catalogue checks
#   make screenshots  PNGs of the main pages in doc/screenshots/ (Dutch, desktop)
#   make install    install the binary and man page under PREFIX
#   make clean      remove build output

PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
PORT     ?= 8040
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(patsubst test/fuzz/fuzz_%.c,%,$(wildcard test/fuzz/fuzz_*.c))

PKGS     := sqlite3 xlsxwriter libsodium libmicrohttpd
WARN     := -std=c17 -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Wno-format-zero-length -Werror
HARDEN   := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
OPT      ?= -O2 -g
CFLAGS   ?=
LDFLAGS  ?=
ifeq ($(SANITIZE),1)
OPT      := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -DSTEIGER_SANITIZE
HARDEN   := -fPIE
LDFLAGS  += -fsanitize=address,undefined
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(OPT) $(HARDEN) -Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = -pie -Wl,-z,relro,-z,now $(LDFLAGS)
# libstemmer (the Snowball stemmers) has no pkg-config file.
LIBS     = $(PKG_LIBS) -lstemmer -lm

SRC      := $(sort $(wildcard src/lib/*.c src/method/*.c src/core/*.c src/db/*.c src/solve/*.c \
              src/render/*.c src/cmd/*.c src/web/*.c src/pages/*.c src/api/*.c))
GEN      := $(BUILD)/gen/po_nl.c $(BUILD)/gen/example_data.c $(BUILD)/gen/assets.c $(BUILD)/gen/openapi.c
# The NL Design System components the pages use, each from its npm package
# @utrecht/NAME-css (installed with @utrecht/component-library-css), rather
# than the whole library (406 kB): a page that uses another component adds
# its NAME here; test/e2e fails on a utrecht-* class that has no CSS.
NLDS_COMPONENTS := document page-header page-footer page-content skip-link heading-1 heading-2 heading-3 \
            heading-4 paragraph link link-list unordered-list ordered-list button button-group button-link \
            form-field form-label form-field-description form-field-error-message form-fieldset textbox \
            textarea select checkbox radio-button alert table status-badge data-list pagination \
            breadcrumb-nav separator code emphasis
NLDS_CSS := $(NLDS_COMPONENTS:%=node_modules/@utrecht/%-css/dist/index.css)
OBJ      := $(SRC:%.c=$(BUILD)/%.o) $(GEN:%.c=%.o)
LIBA     := $(BUILD)/libsteiger.a
BIN      := steiger
EXAMPLE  := $(sort $(wildcard data/zoetermeer/*.csv data/zoetermeer/*.json))
UNIT_SRC := $(sort $(wildcard test/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:test/unit/%.c=$(BUILD)/test/%)
FUZZ_SRC := $(sort $(wildcard test/fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_SRC:test/fuzz/%.c=$(BUILD)/test/replay_%)

.PHONY: all run test test-suites sanitize bench fuzz lint clean install setup-check po-update screenshots
.DELETE_ON_ERROR:

all: $(BIN)

# The binary in the top directory is the dev build; the sanitizer build
# lives in build-asan/ and never replaces it.
ifeq ($(SANITIZE),1)
$(BUILD)/steiger: src/main.c $(LIBA)
	$(CC) $(ALL_CFLAGS) -c -o $(BUILD)/main.o src/main.c
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(LIBA) $(LIBS)
else
$(BIN): src/main.c $(LIBA)
	@mkdir -p $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $(BUILD)/main.o src/main.c
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(LIBA) $(LIBS)
endif

$(LIBA): $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/gen/po_nl.c: po/nl.po $(BUILD)/tools/po2c
	@mkdir -p $(dir $@)
	$(BUILD)/tools/po2c po_nl po/nl.po > $@

$(BUILD)/gen/example_data.c: $(EXAMPLE) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed example_files data/zoetermeer $(EXAMPLE) > $@

# The web assets: the NL Design System component CSS (npm, installed by
# scripts/setup), our token theme and layout in one stylesheet, and the script.
$(NLDS_CSS):
	@echo "missing $@: run scripts/setup (it runs npm ci)" >&2; exit 1

$(BUILD)/gen/assets/steiger.css: $(NLDS_CSS) assets/theme.css assets/steiger.css
	@mkdir -p $(dir $@)
	cat $^ > $@

$(BUILD)/gen/assets/steiger.js: assets/steiger.js
	@mkdir -p $(dir $@)
	cp $< $@

$(BUILD)/gen/assets.c: $(BUILD)/gen/assets/steiger.css $(BUILD)/gen/assets/steiger.js $(BUILD)/tools/embed
	$(BUILD)/tools/embed asset_files $(BUILD)/gen/assets $(filter %.css %.js,$^) > $@

# The OpenAPI document of the JSON API, served at /api/v1/openapi.json.
$(BUILD)/gen/openapi.c: api/openapi.json $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed openapi_files api api/openapi.json > $@

-include $(OBJ:.o=.d)

# ---- running -------------------------------------------------------------

setup-check:
	@scripts/setup --check >/dev/null 2>&1 || scripts/setup

# The first run creates the database with the Zoetermeer example and an
# administrator "beheerder" whose generated password is printed once.
run: setup-check
	@$(MAKE) --no-print-directory all
	@if [ ! -f steiger.db ]; then \
	  ./$(BIN) --db steiger.db init --example && \
	  ./$(BIN) --db steiger.db user add beheerder --role beheerder --generate && \
	  echo "Log in op http://localhost:$(PORT)/ als beheerder met het wachtwoord hierboven."; \
	else \
	  echo "Log in op http://localhost:$(PORT)/ met een account van steiger.db (steiger user list; steiger user passwd NAAM)."; \
	fi
	./$(BIN) --db steiger.db serve --listen 127.0.0.1:$(PORT)

# ---- tests ---------------------------------------------------------------

$(BUILD)/test/test_%: test/unit/test_%.c test/unit/unit.h test/unit/dbtest.h $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itest/unit -Wno-missing-prototypes $$(pkg-config --cflags cmocka) \
	  -o $@ $< $(LIBA) $(LIBS) $$(pkg-config --libs cmocka) $(ALL_LDFLAGS)

$(BUILD)/test/replay_%: test/fuzz/%.c test/fuzz/replay.c $(wildcard test/fuzz/*.h) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ test/fuzz/replay.c $< $(LIBA) $(LIBS) $(ALL_LDFLAGS)

test-suites: $(BIN) $(UNIT_BIN) $(REPLAY_BIN)

test: setup-check
	@$(MAKE) --no-print-directory test-suites
	@test/run-all $(BUILD) ./$(BIN)

sanitize: setup-check
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-asan build-asan/steiger \
	  $(UNIT_BIN:$(BUILD)/%=build-asan/%) $(REPLAY_BIN:$(BUILD)/%=build-asan/%)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  test/run-all build-asan build-asan/steiger

# ---- fuzzing (clang/libFuzzer) -------------------------------------------

FUZZ_CFLAGS = -std=c17 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I$(BUILD) $(PKG_CFLAGS)

build-fuzz/fuzz_%: test/fuzz/fuzz_%.c $(wildcard test/fuzz/*.h)
	@$(MAKE) --no-print-directory CC=clang SANITIZE=1 BUILD=build-fuzz CFLAGS=-fsanitize=fuzzer-no-link \
	  build-fuzz/libsteiger.a
	@mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -o $@ $< build-fuzz/libsteiger.a $(LIBS)

fuzz: $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
	@for f in $^; do \
	  name=$${f#build-fuzz/fuzz_}; mkdir -p build-fuzz/corpus-$$name; \
	  echo "fuzzing $$name for $(FUZZ_SECONDS) s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build-fuzz/corpus-$$name test/fuzz/corpus/$$name || exit 1; \
	done

# ---- benchmarks, lint, install -------------------------------------------

bench: $(BIN)
	@bench/run ./$(BIN)

lint:
	@scripts/lint

screenshots: setup-check
	@$(MAKE) --no-print-directory all
	@scripts/screenshots ./$(BIN) doc/screenshots

po-update:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --language=C --no-location \
	  --omit-header -o po/steiger.pot $(SRC) src/main.c
	msgmerge --quiet --update --no-fuzzy-matching --backup=none po/nl.po po/steiger.pot

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/steiger
	install -m 644 doc/steiger.1 $(DESTDIR)$(PREFIX)/share/man/man1/steiger.1

clean:
	rm -rf $(BUILD) build-asan build-fuzz $(BIN)
