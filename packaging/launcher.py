"""Entry script for frozen builds: the same main() as the ``article-reader`` command."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
