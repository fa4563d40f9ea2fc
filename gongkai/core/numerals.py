"""Chinese numerals: 一百零四 ↔ 104, and amounts as written in reports (5万余, 1.2亿, 三次).

Framework-free. `to_chinese` writes the canonical form (十五, 一百零四, 一万零一); `parse_chinese` reads that form
and the usual variants (两, 〇, 壹贰叁…, 一十五, 廿); `parse_amount` reads Arabic or Chinese digits with 万/亿
multipliers and the approximate markers 余/多/近/约.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "廿"
_CANON_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Canonical Chinese numeral for a non-negative integer below 10**16."""
    if n < 0 or n >= 10**16:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "零"
    out = _spell(n)
    return out[1:] if out.startswith("一十") else out


def _spell(n: int) -> str:
    for unit, name in ((100_000_000, "亿"), (10_000, "万")):
        if n >= unit:
            high, low = divmod(n, unit)
            out = _spell(high) + name
            if low:
                out += ("零" if low < unit // 10 else "") + _spell(low)
            return out
    return _group(n)


def _group(g: int) -> str:
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = g // unit % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _CANON_DIGITS[d] + name
    return out


def parse_chinese(text: str) -> int:
    """Value of a Chinese numeral; ValueError when `text` is not one."""
    text = text.strip()
    if not text or any(c not in NUMERAL_CHARS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    text = text.replace("廿", "二十")
    return _parse_big(text)


def _parse_big(text: str) -> int:
    for char, value in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if char in text:
            high, _, low = text.rpartition(char)
            high_value = _parse_big(high) if high else 1
            return high_value * value + (_parse_big(low) if low else 0)
    return _parse_small(text)


def _parse_small(text: str) -> int:
    total = 0
    digit = None
    for char in text:
        if char in DIGITS:
            value = DIGITS[char]
            if value == 0:
                continue  # 零 only marks a gap (一百零四)
            if digit is not None:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            digit = value
        elif char in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if digit is not None:
        total += digit
    return total


@dataclass(frozen=True)
class Amount:
    value: Decimal
    approximate: bool  # 余/多/近/约: the value is a bound, not exact

    @property
    def is_integer(self) -> bool:
        return self.value == self.value.to_integral_value()


AMOUNT_RE = re.compile(
    r"(?P<approx_pre>近|约|将近|大约)?"
    r"(?P<num>\d[\d,，]*(?:\.\d+)?|[" + NUMERAL_CHARS + r"]+)"
    r"(?P<mult>[万萬亿億]{0,2})"
    r"(?P<approx_post>余|多)?"
)


def parse_amount(text: str) -> Amount:
    """Read '5万余', '1.2亿', '104', '一百零四', '3,000多' into an Amount; ValueError otherwise."""
    m = AMOUNT_RE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not an amount: {text!r}")
    return amount_from_match(m)


def amount_from_match(m: re.Match) -> Amount:
    num = m.group("num")
    mult = m.group("mult") or ""
    if num[0].isdigit():
        try:
            value = Decimal(num.replace(",", "").replace("，", ""))
        except InvalidOperation as exc:
            raise ValueError(num) from exc
        for char in mult:
            value *= BIG_UNITS[char]
    else:
        value = Decimal(parse_chinese(num + mult))
    approximate = bool(m.group("approx_pre") or m.group("approx_post"))
    return Amount(value=value, approximate=approximate)
