"""``python -m bimo …`` – dasselbe wie der Befehl ``bimo …`` (:func:`bimo.cli.main`)."""

import sys

from bimo.cli import main

if __name__ == "__main__":
    sys.exit(main())
