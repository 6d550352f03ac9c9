"""Stage 1, loading: a file of any supported format becomes an ``Article``.

``loader`` reads a file safely, recognises its format from the content and
name, and hands the bytes to one reader of ``formats/`` (one module per format
family); whatever is unusable is refused with an ``ArticleError`` naming it.
"""
