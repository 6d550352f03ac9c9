"""RecentPairs: newest first, no duplicates, a limit, and junk in the settings ignored."""

from __future__ import annotations

from reader.ui.recent import KEY, RecentPairs


def test_newest_first_without_duplicates_up_to_the_limit(settings, tmp_path):
    recent = RecentPairs(settings, limit=3)
    files = [tmp_path / f"{n}.txt" for n in "abcde"]
    for f in files[:4]:
        recent.add(f, files[4])
    recent.add(files[2], files[4])
    names = [p[0].rsplit("/", 1)[-1] for p in recent.pairs()]
    assert names == ["c.txt", "d.txt", "b.txt"]
    recent.clear()
    assert recent.pairs() == []


def test_unreadable_settings_give_an_empty_list(settings):
    for junk in ("not json", "{}", '[["only one"]]', '[[null, "x"]]'):
        settings.setValue(KEY, junk)
        assert RecentPairs(settings).pairs() == []
