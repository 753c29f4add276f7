"""`python -m validator` runs the command line."""

from validator.cli.launch import run

run()
