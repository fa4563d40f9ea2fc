"""Readable differences between consecutive record revisions (RecordRevision.content).

Short fields get a character-level diff of old and new value; the body is turned into plain text
(one line per block) and diffed line by line with context; categories and attachments are compared
as lists. Everything is returned as plain data, escaped by the template that renders it.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.catalog.actions import CONTENT_FIELDS
from gongkai.catalog.models import DisclosureMode, Record, Validity
from gongkai.core.html import html_to_text

CHOICE_LABELS = {"validity": dict(Validity.choices), "disclosure_mode": dict(DisclosureMode.choices)}
LIST_FIELDS = ("categories", "attachments")
CONTEXT_LINES = 2


@dataclass
class Segment:
    kind: str  # "same", "ins" or "del"
    text: str


@dataclass
class Row:
    kind: str  # "same", "ins", "del" or "skip" (unchanged lines left out)
    old_no: int | None = None
    new_no: int | None = None
    segments: list[Segment] = field(default_factory=list)

    @property
    def mark(self) -> str:
        return {"ins": "+", "del": "−"}.get(self.kind, "")


@dataclass
class FieldDiff:
    name: str
    label: str
    kind: str  # "text", "lines" or "list"
    old: list[Segment] = field(default_factory=list)
    new: list[Segment] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def format_only(self) -> bool:
        """The body's HTML changed but not its text (formatting only)."""
        return self.kind == "lines" and not any(row.kind in ("ins", "del") for row in self.rows)


def inline_segments(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """Character-level diff: the old text with deletions marked, the new text with insertions marked."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    old_segments, new_segments = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_segments.append(Segment("same", old[i1:i2]))
            new_segments.append(Segment("same", new[j1:j2]))
            continue
        if i2 > i1:
            old_segments.append(Segment("del", old[i1:i2]))
        if j2 > j1:
            new_segments.append(Segment("ins", new[j1:j2]))
    return old_segments, new_segments


def line_rows(old_lines: list[str], new_lines: list[str], context: int = CONTEXT_LINES) -> list[Row]:
    """A unified line diff; replaced lines are paired and marked within the line."""
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            keep_head = context if index > 0 else 0
            keep_tail = context if index < len(opcodes) - 1 else 0
            length = i2 - i1
            if length <= keep_head + keep_tail + 1:
                kept = list(range(length))
            else:
                kept = list(range(keep_head)) + [None] + list(range(length - keep_tail, length))
            for offset in kept:
                if offset is None:
                    rows.append(Row("skip"))
                else:
                    text = old_lines[i1 + offset]
                    rows.append(Row("same", i1 + offset + 1, j1 + offset + 1, [Segment("same", text)]))
            continue
        old_block, new_block = old_lines[i1:i2], new_lines[j1:j2]
        paired = min(len(old_block), len(new_block)) if tag == "replace" else 0
        for k in range(paired):
            old_segments, new_segments = inline_segments(old_block[k], new_block[k])
            rows.append(Row("del", i1 + k + 1, None, old_segments))
            rows.append(Row("ins", None, j1 + k + 1, new_segments))
        for k in range(paired, len(old_block)):
            rows.append(Row("del", i1 + k + 1, None, [Segment("del", old_block[k])]))
        for k in range(paired, len(new_block)):
            rows.append(Row("ins", None, j1 + k + 1, [Segment("ins", new_block[k])]))
    return rows


def _label(name: str) -> str:
    if name == "categories":
        return _("公开目录分类")
    if name == "attachments":
        return _("附件")
    return str(Record._meta.get_field(name).verbose_name)


def _display(name: str, value) -> str:
    if value is None:
        return ""
    if name in CHOICE_LABELS:
        return str(CHOICE_LABELS[name].get(value, value))
    return str(value)


def diff_revisions(old: dict | None, new: dict) -> list[FieldDiff]:
    """The fields that differ between two revision contents (`old` None: the first revision)."""
    old = old or {}
    diffs = []
    for name in (*CONTENT_FIELDS, *LIST_FIELDS):
        before, after = old.get(name), new.get(name)
        if name in LIST_FIELDS:
            before, after = list(before or []), list(after or [])
            if before == after:
                continue
            diffs.append(
                FieldDiff(
                    name,
                    _label(name),
                    "list",
                    removed=[item for item in before if item not in after],
                    added=[item for item in after if item not in before],
                )
            )
        elif name == "body":
            old_lines = html_to_text(before or "").splitlines()
            new_lines = html_to_text(after or "").splitlines()
            if (before or "") == (after or ""):
                continue
            diffs.append(FieldDiff(name, _label(name), "lines", rows=line_rows(old_lines, new_lines)))
        else:
            before, after = _display(name, before), _display(name, after)
            if before == after:
                continue
            old_segments, new_segments = inline_segments(before, after)
            diffs.append(FieldDiff(name, _label(name), "text", old=old_segments, new=new_segments))
    return diffs
