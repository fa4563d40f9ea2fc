"""A finding: one problem in a report, pointed at by a character span of the normalised text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ERROR = "error"
WARNING = "warning"
NOTE = "note"
SEVERITIES = (ERROR, WARNING, NOTE)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    span: tuple[int, int] | None = None
    excerpt: str = ""
    expected: object = None
    found: object = None

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "span": list(self.span) if self.span else None,
            "excerpt": self.excerpt,
            "expected": _plain(self.expected),
            "found": _plain(self.found),
            "message": self.message,
        }


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def excerpt(text: str, start: int, end: int, limit: int = 160) -> str:
    """The text of a span, shortened in the middle past `limit` characters."""
    piece = text[start:end]
    if len(piece) > limit:
        piece = piece[: limit // 2] + "…" + piece[-limit // 2 :]
    return piece
