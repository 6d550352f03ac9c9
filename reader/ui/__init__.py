"""The PySide6 window: presents a ``Comparison`` the core computed, never re-derives it."""
