# Minyi: `make run` serves the site; `make test` runs every suite. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)
# The same environment for every cargo command, so that the test build reuses the release build's
# dependencies instead of compiling them again.
export LEPTOS_OUTPUT_NAME := minyi
BIN := target/release/minyi

.PHONY: run test bench build setup setup-test lint test-rust test-e2e

setup:
	@.ci/setup build

setup-test:
	@.ci/setup test

build: setup
	.ci/build

run: build
	@mkdir -p data
	$(BIN) migrate
	$(BIN) seed-demo
	LEPTOS_ENV=PROD $(BIN) serve

test: setup-test
	@start=$$(date +%s); mkdir -p target; \
	$(MAKE) --no-print-directory lint; \
	.ci/build; \
	$(MAKE) --no-print-directory test-rust 2>&1 | tee target/test-rust.log; \
	$(MAKE) --no-print-directory test-e2e 2>&1 | tee target/test-e2e.log; \
	passed=$$(cat target/test-rust.log target/test-e2e.log | awk '\
	  /^test result:/ { p += $$4; f += $$6 } \
	  /^ +[0-9]+ passed/ { p += $$1 } /^ +[0-9]+ failed/ { f += $$1 } /^ +[0-9]+ skipped/ { s += $$1 } \
	  END { printf "%d passed, %d failed, %d skipped", p, f, s }'); \
	echo "make test: every suite ran in $$(( $$(date +%s) - start )) s"; \
	echo "total: $$passed"

# Formatting and clippy, for the server and the browser builds.
lint:
	cargo fmt --check
	cargo clippy --features ssr --all-targets -- -D warnings
	cargo clippy --features hydrate --lib --target wasm32-unknown-unknown -- -D warnings

# Unit, repository and HTTP tests, on SQLite and on PostgreSQL, four at a time. (They once ran one
# at a time: a page request in one test could go unanswered while another test built its router,
# because listing the routes switched leptos's resource loading off for the whole process. The
# route list is now made once per process and every request has a deadline.)
test-rust:
	.ci/pg-up
	cargo test --release --features ssr -- --test-threads=4

# Playwright in Chromium, with JavaScript on and off, against the release build.
test-e2e:
	.ci/e2e

bench: build
	.ci/bench
