# Two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out

.PHONY: demo test evaluate install clean

demo: install ## install everything and build the graph of the bundled corpus
	$(BIN)/diplograph build corpus/ --out $(OUT)

test: install ## run the whole test suite
	$(BIN)/python -m pytest -q

GOLD ?= ../shared/gold
evaluate: install ## score extraction against every gold file in ../shared/gold, each and pooled
	$(BIN)/diplograph evaluate $(GOLD)/seeds.json $(GOLD)/dev-c.json $(GOLD)/dev-d.json $(GOLD)/dev-e.json \
	    --build corpus/ --build ../shared/corpus/dev --build ../shared/corpus/dev --build ../shared/corpus/dev2 $(ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
