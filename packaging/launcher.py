"""Entry script for frozen builds: the same main() as the ``article-reader`` command."""

import multiprocessing
import sys

from reader.__main__ import main

if __name__ == "__main__":
    # The engine's worker process (reader.core.offload) starts this same binary:
    # PyInstaller's freeze_support makes that child run the worker, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
