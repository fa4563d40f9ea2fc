import pytest

from gongkai.portal.templatetags.portal_tags import human_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (1_258_291, "1.2 MB"),
        (52_428_800, "50.0 MB"),
        (3 * 1024**3, "3.0 GB"),
    ],
)
def test_it_shows_sizes_for_readers(size, shown):
    assert human_size(size) == shown


def test_it_shows_nothing_for_a_missing_size():
    assert human_size(None) == ""
