"""信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》): two progressive (超额累进) bases; one
application is charged on one basis only, never both.

- 按件 (per item, art 4): per applicant per calendar month, cumulative: items 1–10 free; 11–30: 100 元 each;
  "31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件" (31–40: 200, 41–50: 300, …).
  35 items in a month → 20×100 + 5×200 = 3,000 元. (DOMAIN §3 writes the same sum but totals it as 2,500 元;
  that is an addition slip: 2,000 + 1,000 = 3,000.)
- 按量 (per page, art 5) per application: pages 1–30 free; 31–100: 10 元/页; 101–200: 20 元/页; from 201: 40 元/页.
  250 pages → 70×10 + 100×20 + 50×40 = 4,700 元.

`per_item_fee` and `per_page_fee` return a `FeeBreakdown` whose lines the fee notice prints one by one.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeeBasis(models.TextChoices):
    PER_ITEM = "per_item", _("按件计收")
    PER_PAGE = "per_page", _("按量计收")


FREE_ITEMS = 10
SECOND_TIER_LAST = 30
SECOND_TIER_PRICE = 100
BAND_SIZE = 10
BAND_STEP = 100

# (first page, last page or None, price per page in 元)
PAGE_TIERS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))


@dataclass(frozen=True)
class FeeLine:
    first: int  # first item/page of the line (1-based, cumulative for 按件 within the month)
    last: int
    unit_price: int  # 元 per item or page
    quantity: int
    amount: int  # 元

    def describe(self, unit: str) -> str:
        return (
            f"第{self.first}–{self.last}{unit}：{self.quantity}{unit} × {self.unit_price}元 = {self.amount}元"
        )


@dataclass(frozen=True)
class FeeBreakdown:
    basis: str
    quantity: int  # items charged in this application (按件) or pages (按量)
    previous: int  # 按件: the applicant's items earlier in the same month; 按量: 0
    lines: tuple[FeeLine, ...]
    total: int  # 元

    @property
    def unit(self) -> str:
        return "件" if self.basis == FeeBasis.PER_ITEM else "页"

    def as_text_lines(self) -> list[str]:
        text = [line.describe(self.unit) for line in self.lines]
        text.append(f"合计：{self.total}元")
        return text

    def as_data(self) -> dict:
        return {
            "basis": self.basis,
            "quantity": self.quantity,
            "previous": self.previous,
            "total": self.total,
            "lines": [
                {
                    "first": line.first,
                    "last": line.last,
                    "unit_price": line.unit_price,
                    "quantity": line.quantity,
                    "amount": line.amount,
                }
                for line in self.lines
            ],
        }


def item_price(position: int) -> int:
    """The price of the applicant's `position`-th item (1-based) in a calendar month."""
    if position < 1:
        raise ValueError("positions start at 1")
    if position <= FREE_ITEMS:
        return 0
    if position <= SECOND_TIER_LAST:
        return SECOND_TIER_PRICE
    return SECOND_TIER_PRICE + BAND_STEP * (1 + (position - SECOND_TIER_LAST - 1) // BAND_SIZE)


def page_price(page: int) -> int:
    for first, last, price in PAGE_TIERS:
        if page >= first and (last is None or page <= last):
            return price
    raise ValueError("pages start at 1")


def _group(positions: range, price) -> tuple[FeeLine, ...]:
    lines: list[FeeLine] = []
    for position in positions:
        unit = price(position)
        if lines and lines[-1].unit_price == unit:
            last = lines[-1]
            lines[-1] = FeeLine(last.first, position, unit, last.quantity + 1, last.amount + unit)
        else:
            lines.append(FeeLine(position, position, unit, 1, unit))
    return tuple(lines)


def _check_count(value: int, name: str, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer ≥ {minimum}, got {value!r}")


def per_item_fee(previous: int, items: int = 1) -> FeeBreakdown:
    """按件: the fee for `items` items when the applicant already had `previous` items this month."""
    _check_count(previous, "previous", 0)
    _check_count(items, "items", 1)
    lines = _group(range(previous + 1, previous + items + 1), item_price)
    return FeeBreakdown(FeeBasis.PER_ITEM, items, previous, lines, sum(line.amount for line in lines))


def per_page_fee(pages: int) -> FeeBreakdown:
    """按量: the fee for one application of `pages` pages."""
    _check_count(pages, "pages", 1)
    lines = _group(range(1, pages + 1), page_price)
    return FeeBreakdown(FeeBasis.PER_PAGE, pages, 0, lines, sum(line.amount for line in lines))
