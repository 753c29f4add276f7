"""`python -m validator` runs the command line."""

import sys

from validator.cli.main import main

sys.exit(main())
