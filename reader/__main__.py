"""``article-reader`` / ``python -m reader``: the window, or the CLI's subcommands."""

from __future__ import annotations

import sys

CLI_COMMANDS = ("compare", "quotes")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI when the first argument is a subcommand, else open the window."""
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in CLI_COMMANDS or args[0] in ("-h", "--help", "--version")):
        from reader.cli import main as cli_main

        return cli_main(args)
    from reader.ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
