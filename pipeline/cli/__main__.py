"""`python -m pipeline.cli`: the same as the `unreport` command."""

from pipeline.cli import run

run()
