"""``python -m shared.cli``: the ``yimen`` command."""

import sys

from shared.cli import main

sys.exit(main())
