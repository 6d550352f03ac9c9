"""Finding files the app ships (the sample pair, the icon), through ``importlib.resources``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import reader

SAMPLE_NAMES = ("original_report.txt", "rewrite.txt")


def sample_pair() -> tuple[Path, Path] | None:
    """The sample pair's paths: the repository's ``seeds/`` when run from a checkout,
    else the copies inside the installed package; None when neither is there."""
    checkout = Path(reader.__file__).resolve().parent.parent / "seeds"
    if all((checkout / name).is_file() for name in SAMPLE_NAMES):
        return checkout / SAMPLE_NAMES[0], checkout / SAMPLE_NAMES[1]
    packaged = resources.files("reader.resources").joinpath("seeds")
    paths = tuple(Path(str(packaged.joinpath(name))) for name in SAMPLE_NAMES)
    if all(path.is_file() for path in paths):
        return paths[0], paths[1]
    return None


ICON_NAME = "org.articlereader.ArticleReader.svg"


def app_icon_path() -> Path:
    """The application icon (SVG) inside the package."""
    # One name per joinpath: a frozen app's MultiplexedPath takes no more.
    return Path(str(resources.files("reader.resources").joinpath("icons").joinpath(ICON_NAME)))
