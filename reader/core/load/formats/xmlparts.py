"""XML parts of a zip container, parsed as they are inflated, never expanding an entity.

lxml's pull parser is fed the zip guard's bounded chunks, so no part is ever
held whole; entities stay unexpanded (billion laughs) and no DTD or external
entity is loaded (XXE), as in the tree parser python-docx uses.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.load.formats.zipguard import Archive


def xml_events(archive: Archive, name: str) -> Iterator[tuple[str, object]]:
    """(event, element) pairs, "start" and "end", of the part ``name``.

    The caller may clear elements once read (see ``formats.docx``); lxml's
    ``XMLSyntaxError`` propagates for a damaged part.
    """
    from lxml import etree  # imported with the first Word or EPUB file (cold start)

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    for chunk in archive.chunks(name):
        parser.feed(chunk)
        yield from parser.read_events()
    parser.close()
    yield from parser.read_events()
