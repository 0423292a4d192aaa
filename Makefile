# The two set-up commands of the README, plus their parts.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MEMBERS ?= 2000

.PHONY: demo test install browser proxy messages check-tests serve

## Install everything, build the demo site on the embedded defaults, and serve it with
## its task worker (e-mails, index updates); Ctrl-C stops both.
demo: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --members $(MEMBERS) --demo-accounts
	@echo ""
	@echo "  Sakura Science Club is running at http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (user: admin, password: sakura-demo)"
	@echo ""
	DEBUG=false SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

## Install everything and run the whole test suite, in two processes (tests/conftest.py keeps
## each module, and the journeys, deploy and fault folders, on one of them).
TEST_WORKERS ?= 2
test: install browser proxy messages
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

## Debian's Chromium for the Playwright tests (never a downloaded browser).
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list :lang=ja | grep -q . ; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-ipafont-gothic; \
		else \
			echo "chromium or a Japanese font is missing: run 'sudo apt-get install chromium fonts-ipafont-gothic' for the browser tests"; \
		fi; }

## Debian's nginx for the deploy tests, which run deploy/nginx/club.conf in front of two workers.
proxy:
	@{ command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx ; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
		else \
			echo "nginx is missing: run 'sudo apt-get install nginx' for the deploy tests"; \
		fi; }

messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0
