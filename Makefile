# The two commands of the README's quick start, plus a release build.
.PHONY: deps demo test release

deps:
	@scripts/install-deps

# Lints the bundled Fixtures/ (the repository's .postlint.yml points there). Findings are
# the point of the demo, so exit status 1 (errors found) counts as success; 2 does not.
demo: deps
	@swift build --product postlint
	@status=0; .build/debug/postlint || status=$$?; [ $$status -le 1 ]

test: deps
	swift test

release: deps
	swift build -c release --static-swift-stdlib --product postlint
