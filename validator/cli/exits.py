"""The command line's exit codes, ruff's: 0 nothing to report, 1 findings (or, with --diff, changes to
make), 2 a run that could not be done as asked."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# What shells report for a run ended by SIGINT (128 + the signal's number).
EXIT_INTERRUPTED = 130
