# Mirrors the npm scripts, for those who type `make`.
.PHONY: install build generate scrape scrape-corpus check typecheck test bench fuzz

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

typecheck:
	npm run typecheck

test:
	npm test

bench:
	npm run bench

fuzz:
	npm run fuzz
