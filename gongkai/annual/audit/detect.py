"""Which report is this: the report year (from the title or the statistics period) and the format."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.annual.formats import Format, by_name, f2019, f2021, for_year, legacy

TITLE_YEAR_RE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*度?[^。\d]{0,20}?(?:政府信息公开|政务公开)[^。\d]{0,8}?年\s*度\s*报\s*告"
)
PERIOD_YEAR_RE = re.compile(
    r"统计(?:期限|时限|期间|时间|区间)[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
ANY_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Detection:
    format: Format
    year: int | None
    by: str  # "headers", "year", "override", "default"
    year_format: str | None  # the format the year alone would give


def detect_year(text: str) -> int | None:
    for regex in (TITLE_YEAR_RE, PERIOD_YEAR_RE):
        m = regex.search(text[:20000])
        if m:
            return int(m.group(1))
    years = [int(y) for y in ANY_YEAR_RE.findall(text[:3000]) if 2000 <= int(y) <= 2100]
    return min(years) if years else None


def header_format(text: str) -> str | None:
    """The format whose table headers the text prints, when it prints any."""
    scores = {
        name: sum(1 for marker in fmt.header_markers if marker in text)
        for name, fmt in (("2021", f2021.FORMAT), ("2019", f2019.FORMAT))
    }
    if "本年新收政府信息公开申请数量" in text or "申请人情况" in text:
        if scores["2021"] > scores["2019"]:
            return "2021"
        if scores["2019"] > scores["2021"]:
            return "2019"
        # table 3 without a telling table 2: （六）其他处理 split into three rows means 2021
        if re.search(r"申请人逾期未按收费通知", text):
            return "2021"
        return None  # the year decides
    if any(marker in text for marker in legacy.FORMAT.header_markers):
        return "legacy"
    return None


def detect(text: str, year: int | None = None, format_name: str | None = None) -> Detection:
    year = year or detect_year(text)
    year_format = for_year(year).name if year else None
    if format_name:
        return Detection(by_name(format_name), year, "override", year_format)
    from_headers = header_format(text)
    if from_headers:
        return Detection(by_name(from_headers), year, "headers", year_format)
    if year_format:
        return Detection(by_name(year_format), year, "year", year_format)
    return Detection(f2021.FORMAT, year, "default", None)
