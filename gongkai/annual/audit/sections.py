"""Split a report into its sections, whatever the numbering (一、 / 1. / （一） / Markdown #) and even when some
sections are missing or out of order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.annual.formats import Format

NUMBERING = (
    r"(?:#{1,6}\s*)?"
    r"(?:[一二三四五六七八九十]{1,2}\s*[、.．，,]"
    r"|[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]"
    r"|第[一二三四五六七八九十]{1,2}(?:部分|章)\s*[、:：]?"
    r"|\d{1,2}\s*[、.．](?!\d))"
)


@dataclass(frozen=True)
class FoundSection:
    key: str
    title: str
    start: int | None  # where the heading starts; None when the section was not found
    end: int | None  # where the next found section starts (or the end of the text)
    heading: str

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "present": self.start is not None,
            "span": [self.start, self.end] if self.start is not None else None,
            "heading": self.heading,
        }


def split_sections(text: str, fmt: Format) -> list[FoundSection]:
    """Each section of `fmt` with the span of its first numbered heading (numbering + title)."""
    hits: dict[str, re.Match] = {}
    for section in fmt.sections:
        regex = re.compile(NUMBERING + r"\s*(?:" + section.pattern + r")")
        # the earliest numbered heading after the preceding section's heading, else anywhere
        previous = max((m.end() for m in hits.values()), default=0)
        m = regex.search(text, previous) or regex.search(text, 0, previous)
        if m and not any(m.start() == other.start() for other in hits.values()):
            hits[section.key] = m
    starts = sorted(m.start() for m in hits.values())
    out = []
    for section in fmt.sections:
        m = hits.get(section.key)
        if m is None:
            out.append(FoundSection(section.key, section.title, None, None, ""))
            continue
        later = [s for s in starts if s > m.start()]
        end = later[0] if later else len(text)
        out.append(FoundSection(section.key, section.title, m.start(), end, m.group(0)))
    return out


def section_text(text: str, sections: list[FoundSection], key: str) -> tuple[int, str]:
    for s in sections:
        if s.key == key and s.start is not None:
            return s.start, text[s.start : s.end]
    return 0, ""
