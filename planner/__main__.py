"""`python -m planner` runs the same entry point as the `ea-planner` script."""

import sys

from planner.cli import main

sys.exit(main())
