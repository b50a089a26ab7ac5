# Mirrors the npm scripts, for those who type `make`.
.PHONY: install build generate scrape scrape-corpus check spec-schema changelog-example typecheck lint format test bench fuzz

install:
	npm ci

build:
	npm run build

generate:
	npm run generate

scrape:
	npm run scrape

scrape-corpus:
	npm run scrape:corpus

check:
	npm run check

spec-schema:
	npm run spec:schema

changelog-example:
	npm run changelog:example

typecheck:
	npm run typecheck

lint:
	npm run lint

format:
	npm run format

test:
	npm test

bench:
	npm run bench

fuzz:
	npm run fuzz
