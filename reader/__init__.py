"""Article Reader: compare two articles and see what a rewrite added, dropped and misquoted."""

__version__ = "0.1.0"
