"""``python -m lgo_parse``: the ``lgo-parse`` command."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
