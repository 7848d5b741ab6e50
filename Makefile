# The two commands a newcomer needs:  make chat  (set up and open the chat)  ·  make test
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: chat test setup index bench

chat: setup
	$(PY) -m rag setup
	bash scripts/chat.sh

test: setup
	bash scripts/browser.sh
	$(PY) -m pytest

setup:
	bash scripts/bootstrap.sh

index: setup
	$(PY) -m rag index
