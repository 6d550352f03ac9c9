"""Files shipped inside the package (sample pair, ...), read with ``importlib.resources``."""
