"""Public JSON deadline calculator: `GET /api/v1/workdays/add?start=2025-09-26&days=20`.

Items of `skipped` and `counted_adjusted` are `{"date": "2025-10-01", "name": "国庆节"}`. Bad input gets
422 with django-ninja's error list: `{"detail": [{"loc": ["query", "days"], "msg": "...", "type": "..."}]}`.
"""

import datetime as dt

from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from pydantic import Field

from gongkai.workdays.counting import add_working_days

MAX_DAYS = 365

router = Router(tags=["workdays"])


class AddParams(Schema):
    start: dt.date = Field(description="起算日（不计入期间），YYYY-MM-DD，如收到申请之日")
    days: int = Field(ge=1, le=MAX_DAYS, description=f"工作日数，1–{MAX_DAYS}")


class NamedDayOut(Schema):
    date: dt.date
    name: str


class AddOut(Schema):
    start: dt.date
    days: int
    due: dt.date = Field(description="第 days 个工作日（期间届满日）")
    calendar_confirmed: bool = Field(description="false：计算经过的年度尚未录入国务院放假通知，仅按周末推算")
    unconfirmed_years: list[int]
    skipped: list[NamedDayOut] = Field(description="跳过的法定节假日（普通周末不列出）")
    counted_adjusted: list[NamedDayOut] = Field(description="计入的调休上班日")


@router.get("/add", response=AddOut, url_name="workdays_add", summary="n 个工作日后的日期")
def add(request, params: Query[AddParams]):
    """The `days`-th working day after `start`, counted from the next day (民法典第二百零一条),
    skipping weekends and statutory holidays and counting 调休 workdays."""
    try:
        result = add_working_days(params.start, params.days)
    except ValueError as exc:
        raise ValidationError([{"loc": ["query", "start"], "msg": str(exc), "type": "value_error"}]) from None
    return {
        "start": result.start,
        "days": result.days,
        "due": result.due,
        "calendar_confirmed": result.calendar_confirmed,
        "unconfirmed_years": list(result.unconfirmed_years),
        "skipped": [{"date": day.date, "name": day.name} for day in result.skipped],
        "counted_adjusted": [{"date": day.date, "name": day.name} for day in result.counted_adjusted],
    }
