# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= dagsorden.db
CORPUS_OUT ?= build/corpus
WILD_OUT ?= build/wild
# The demo archive holds one rendering of each seed; the tests use every look.
DEMO_LOOK ?= classic

.PHONY: demo test test-fast install corpus ingest serve clean score score-wild

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,corpus]"
	touch $@

install: $(VENV)/.installed

corpus: install
	$(BIN)/python -m dagsorden.corpus.build $(CORPUS_OUT)

ingest: corpus
	$(BIN)/dagsorden ingest $(CORPUS_OUT)/$(DEMO_LOOK) --db $(DB)

serve:
	$(BIN)/dagsorden serve --db $(DB) --port 8001

demo: ingest serve

test: install
	$(BIN)/python -m pytest

# The inner loop: everything but the tests marked slow or browser.
test-fast: install
	$(BIN)/python -m pytest -m "not slow and not browser"

score: corpus
	$(BIN)/python -m dagsorden.corpus.evaluate $(CORPUS_OUT)

# The wild documents (corpus/wild, 98 of them) in every look, scored dev and sealed apart; the sealed
# part is reported, never tuned on.
score-wild: install
	$(BIN)/python -m dagsorden.corpus.wild build $(WILD_OUT) > /dev/null
	$(BIN)/python -m dagsorden.corpus.wild evaluate $(WILD_OUT)

clean:
	rm -rf build $(DB) .pytest_cache
