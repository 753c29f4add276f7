"""The command line's exit codes, ruff's: 0 nothing to report, 1 findings (or, with --diff, changes to
make), 2 a run that could not be done as asked."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# What shells report for a run ended by a signal: 128 + its number; 130 for SIGINT (Ctrl-C), 129 for
# SIGHUP, 143 for SIGTERM.
EXIT_SIGNALLED = 128
EXIT_INTERRUPTED = EXIT_SIGNALLED + 2
