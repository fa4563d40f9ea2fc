"""The demo's casework at 东风路街道: 依申请公开 applications, 咨询 and the 举报/投诉 mailbox, 行政复议/行政诉讼 and
the organ-year facts, so that the staff queues and the annual report of the last full year are filled.

Every row is written by the project's own actions (`do_register_application`, `do_request_correction`,
`do_extend`, `do_reply`, `do_log_enquiry`, `do_register_appeal`, `do_set_fact`…) inside `clock.at(...)`, so
receipt dates, deadlines (from the working-day calendar), timelines and the annual report are what the
application would have produced had the clerks done the work on those days. Dates are relative to the
loading day (see `gongkai.demo.content.applications`); a step that would fall on or after it is not taken.

Idempotent: each kind of data is loaded only when the organ has none of it yet (applications, enquiries,
appeals; facts per year). Each batch is one transaction.
"""

import datetime as dt
import zlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gongkai.annual.facts import do_set_fact
from gongkai.annual.models import OrganYearFact, OrganYearLock
from gongkai.appeals.actions import do_record_result, do_register_appeal
from gongkai.appeals.models import Appeal
from gongkai.applications import actions as app_actions
from gongkai.applications import pii
from gongkai.applications.letters import do_generate_letter, do_record_letter_delivery
from gongkai.applications.models import Application, Channel, Status
from gongkai.core import clock
from gongkai.demo.content import enquiries as desk
from gongkai.demo.content.applications import APPLICANTS, CASES, COUNTER, MAIL, ONLINE, Case
from gongkai.enquiries.actions import do_answer, do_log_enquiry, do_submit_online
from gongkai.enquiries.models import Enquiry
from gongkai.organs.validators import uscc_check_char
from gongkai.workdays.counting import Calendar

CHANNELS = {COUNTER: Channel.IN_PERSON, ONLINE: Channel.ONLINE, MAIL: Channel.SIGNED_MAIL}
AREA_CODE = "430105"  # 长沙市开福区
POSTCODE = "410005"


def applicant_data(key: str) -> dict:
    """The form fields of a demo applicant, with a checksum-valid fictional ID number."""
    person = APPLICANTS[key]
    if person.kind == "person":
        first17 = AREA_CODE + person.ident
        id_type, id_number = "resident_id", first17 + pii.resident_id_check_char(first17)
    else:
        id_type, id_number = "uscc", person.ident + uscc_check_char(person.ident)
    return {
        "kind": person.kind,
        "name": person.name,
        "contact_person": person.contact_person,
        "id_type": id_type,
        "id_number": id_number,
        "phone": person.phone,
        "email": person.email,
        "address": person.address,
        "postcode": POSTCODE,
    }


def _minutes(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % 50


class CaseLoader:
    """Loads the casework of one organ; `report` is the DemoLoader's Report (counts are added to it)."""

    def __init__(self, *, now: dt.datetime, staff: dict, report, log):
        self.now = now
        self.today = now.date()
        self.last_year = self.today.year - 1
        self.handler = staff.get("handler")
        self.approver = staff.get("organadmin")
        self.report = report
        self.log = log
        self.calendar = Calendar()

    # --- calendar --------------------------------------------------------------------------------

    def at(self, day: dt.date, minutes: int) -> dt.datetime:
        """`minutes` after 9:00 on `day` (local time), never later than an hour before loading."""
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9)) + dt.timedelta(minutes=minutes))
        return min(moment, self.now - dt.timedelta(hours=1))

    def workday_on_or_after(self, day: dt.date) -> dt.date:
        while not self.calendar.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        while not self.calendar.is_workday(day):
            day -= dt.timedelta(days=1)
        return day

    def after(self, day: dt.date, working_days: int) -> dt.date:
        return self.calendar.add_working_days(day, working_days).due

    def start_day(self, case: Case) -> dt.date:
        if case.when is not None:
            return dt.date(self.last_year, *case.when)
        return self.today - dt.timedelta(days=case.ago)

    def past(self, day: dt.date) -> bool:
        return day < self.today

    # --- applications ----------------------------------------------------------------------------

    def load_applications(self, organ) -> dict[str, Application]:
        if Application.objects.filter(organ=organ).exists():
            return {}
        with transaction.atomic():
            done = {}
            for case in sorted(CASES, key=self.start_day):
                application = self._case(organ, case)
                if application is not None:
                    done[case.key] = application
        still_open = sum(1 for a in done.values() if a.status != Status.CLOSED)
        self.report.applications_created += len(done)
        self.log(f"{organ.display_name}：依申请公开 {len(done)} 件，其中办理中 {still_open} 件")
        return done

    def _register(self, organ, case: Case, start: dt.date) -> tuple[Application, dt.date | None]:
        data = {
            **applicant_data(case.who),
            "description": case.description,
            "info_title": case.info_title,
            "info_document_number": case.info_document_number,
            "delivery_form": case.delivery_form or ("email" if APPLICANTS[case.who].email else "paper_mail"),
        }
        channel = CHANNELS[case.channel]
        minutes = _minutes(case.key)
        if case.channel == ONLINE:
            # Submitted in the evening (any day); receipt confirmed on the next working day.
            submitted_at = timezone.make_aware(dt.datetime.combine(start, dt.time(20, minutes)))
            with clock.at(min(submitted_at, self.now - dt.timedelta(hours=2))):
                app = app_actions.do_register_application(
                    organ=organ, actor=None, channel=channel, data=data, submitted_on=start
                )
            received = self.after(start, 1)
            if not case.confirm or not self.past(received):
                return app, None
            with clock.at(self.at(received, minutes)):
                app = app_actions.do_confirm_receipt(app, actor=self.handler, on=received)
        else:
            received = self.workday_on_or_after(start)
            if not self.past(received):
                received = self.workday_on_or_before(self.today - dt.timedelta(days=1))
            submitted = received - dt.timedelta(days=3) if case.channel == MAIL else received
            with clock.at(self.at(received, minutes)):
                app = app_actions.do_register_application(
                    organ=organ,
                    actor=self.handler,
                    channel=channel,
                    data=data,
                    submitted_on=submitted,
                    signed_on=received if case.channel == MAIL else None,
                )
        with clock.at(self.at(received, minutes + 10)):
            app = app_actions.do_assign(app, actor=self.handler, handler=self.handler)
        return app, received

    def _case(self, organ, case: Case) -> Application | None:
        start = self.start_day(case)
        if not self.past(start):
            return None
        app, day = self._register(organ, case, start)
        if day is None:
            return app
        minutes = _minutes(case.key) + 30
        for index, (kind, working_days, params) in enumerate(case.steps):
            if kind == "lapse":
                day = self.after(app.correction_due_on, working_days)
            elif kind == "unpaid":
                day = self.after(app.fee_notices.get().payment_due_on, working_days)
            else:
                day = self.after(day, working_days)
            if not self.past(day):
                break
            with clock.at(self.at(day, minutes + 20 * index)):
                app = self._step(app, kind, day, params)
            if kind == "reply" and case.letter:
                self._letter(app, day, minutes + 20 * index + 15)
        return app

    def _step(self, app: Application, kind: str, day: dt.date, params: dict) -> Application:
        a, handler = app_actions, self.handler
        if kind == "correct":
            respond_by = self.after(day, 10)
            return a.do_request_correction(
                app, actor=handler, respond_by=respond_by, items=params["items"], on=day
            )
        if kind == "corrected":
            return a.do_receive_correction(app, actor=handler, on=day, note="申请人提交了补正后的申请。")
        if kind == "lapse":
            return a.do_close_correction_lapsed(app, actor=handler, on=day, note=params["note"])
        if kind == "consult":
            return a.do_start_consultation(
                app, actor=handler, kind=params["pause"], party=params["party"], on=day
            )
        if kind == "consulted":
            pause = app.events.filter(kind="paused").last().data["pause"]
            return a.do_end_consultation(app, actor=handler, kind=pause, on=day, note="已收到书面意见。")
        if kind == "extend":
            return a.do_extend(
                app,
                actor=handler,
                days=20,
                approver=self.approver,
                reason=params["reason"],
                approved_on=day,
                notified_on=day,
            )
        if kind == "fee":
            a.do_issue_fee_notice(app, actor=handler, basis="per_page", pages=params["pages"], on=day)
        elif kind == "paid":
            notice = app.fee_notices.get()
            reference = f"FS{day:%Y%m%d}{notice.pk % 1000:03d}"
            a.do_record_payment(app, actor=handler, amount=notice.amount, reference=reference, on=day)
        elif kind == "unpaid":
            return a.do_close_fee_unpaid(app, actor=handler, on=day, note=params["note"])
        elif kind == "reply":
            return a.do_reply(app, actor=handler, outcome=params["outcome"], on=day, note=params["note"])
        elif kind == "withdraw":
            return a.do_withdraw(app, actor=handler, on=day, note=params["note"])
        else:
            raise ValueError(f"unknown demo step {kind!r}")
        return Application.objects.get(pk=app.pk)

    def _letter(self, app: Application, day: dt.date, minutes: int) -> None:
        """The 告知书 (DOCX + PDF, the slow part of the demo: only a few) and its delivery two working days later."""
        with clock.at(self.at(day, minutes)):
            letter = do_generate_letter(app, actor=self.handler, reasons=app.events.last().note)
        self.report.letters_created += 1
        delivered = self.after(day, 2)
        if self.past(delivered):
            with clock.at(self.at(delivered, minutes)):
                do_record_letter_delivery(letter, actor=self.handler, on=delivered)

    # --- appeals ---------------------------------------------------------------------------------

    def load_appeals(self, organ, applications: dict[str, Application]) -> None:
        if not applications or Appeal.objects.filter(organ=organ).exists():
            return
        created = 0
        with transaction.atomic():
            for case_key, kind, after, result, decided_after, number, note, serial in desk.APPEALS:
                app = applications.get(case_key)
                if app is None or app.closed_on is None:
                    continue
                received = app.closed_on + dt.timedelta(days=after)
                if not self.past(received):
                    continue
                with clock.at(self.at(received, 60)):
                    appeal = do_register_appeal(
                        organ=organ,
                        actor=self.handler,
                        kind=kind,
                        received_on=received,
                        tracking_code=app.tracking_code,
                        case_number=number.format(year=received.year, n=serial),
                        note=note,
                    )
                created += 1
                decided = received + dt.timedelta(days=decided_after) if decided_after else None
                if decided is not None and self.past(decided):
                    with clock.at(self.at(decided, 60)):
                        do_record_result(appeal, actor=self.handler, result=result, closed_on=decided)
        self.report.appeals_created += created
        self.log(f"{organ.display_name}：行政复议、行政诉讼 {created} 件")

    # --- enquiries and the mailbox ---------------------------------------------------------------

    def load_enquiries(self, organ) -> None:
        if Enquiry.objects.filter(organ=organ).exists():
            return
        with transaction.atomic():
            created = self._desk(organ) + self._online(organ) + self._mailbox(organ)
        self.report.enquiries_created += created
        self.log(f"{organ.display_name}：咨询及举报投诉 {created} 条")

    def _desk(self, organ) -> int:
        n = len(desk.DESK)
        days = [dt.date(self.last_year, 1, 6) + dt.timedelta(days=i * 350 // n) for i in range(n)]
        k = desk.THIS_YEAR_DESK
        days += [self.today - dt.timedelta(days=15 + i * 290 // k) for i in range(k)]
        entries = desk.DESK + desk.DESK[:k]
        created = 0
        for index, ((channel, topic, question, answer), day) in enumerate(zip(entries, days, strict=True)):
            day = self.workday_on_or_after(day)
            if not self.past(day):
                day = self.workday_on_or_before(self.today - dt.timedelta(days=1))
            with clock.at(self.at(day, 20 + (index * 37) % 400)):
                do_log_enquiry(
                    organ=organ,
                    actor=self.handler,
                    channel=channel,
                    topic=topic,
                    question=question,
                    answer=answer,
                )
            created += 1
        return created

    def _submit(self, organ, kind, day, index, topic, question, consent=False) -> Enquiry:
        names = desk.ONLINE_NAMES
        submitted_at = timezone.make_aware(dt.datetime.combine(day, dt.time(19, 10 + index % 40)))
        with clock.at(min(submitted_at, self.now - dt.timedelta(hours=2))):
            return do_submit_online(
                organ=organ,
                kind=kind,
                name=names[index % len(names)],
                phone=f"100001204{index:02d}",
                topic=topic,
                question=question,
                consent_publish=consent,
            )

    def _answer(self, enquiry: Enquiry, day: dt.date, answer: str, working_days: int) -> None:
        answered = self.after(day, working_days)
        if answer and self.past(answered):
            with clock.at(self.at(answered, 90)):
                do_answer(enquiry, actor=self.handler, answer=answer)

    def _online(self, organ) -> int:
        last = desk.LAST_YEAR_ONLINE
        rest = len(desk.ONLINE) - last
        days = [dt.date(self.last_year, 1, 20) + dt.timedelta(days=i * 330 // last) for i in range(last)]
        days += [self.today - dt.timedelta(days=30 + i * 250 // rest) for i in range(rest)]
        for index, ((topic, question, answer, consent), day) in enumerate(
            zip(desk.ONLINE, days, strict=True)
        ):
            enquiry = self._submit(organ, "enquiry", day, index, topic, question, consent)
            self._answer(enquiry, day, answer, 2)
        topic, question = desk.OPEN_ONLINE
        self._submit(
            organ, "enquiry", self.today - dt.timedelta(days=1), len(desk.ONLINE), topic, question, True
        )
        return len(desk.ONLINE) + 1

    def _mailbox(self, organ) -> int:
        for index, (kind, topic, text, answer, year, when) in enumerate(desk.MAILBOX):
            last = year == "last"
            day = dt.date(self.last_year, *when) if last else self.today - dt.timedelta(days=when)
            enquiry = self._submit(organ, kind, day, 50 + index, topic, text)
            self._answer(enquiry, day, answer, 3)
        return len(desk.MAILBOX)

    # --- organ-year facts ------------------------------------------------------------------------

    def load_facts(self, organ) -> None:
        years = ((self.last_year, desk.LAST_YEAR_FACTS), (self.today.year, desk.THIS_YEAR_FACTS))
        for year, values in years:
            if OrganYearFact.objects.filter(organ=organ, year=year).exists():
                continue
            if OrganYearLock.objects.filter(organ=organ, year=year, unlocked_at__isnull=True).exists():
                continue
            with transaction.atomic():
                first = desk.LAST_YEAR_FIRST_ENTRIES if year == self.last_year else {}
                for key, value in [*first.items(), *values.items()]:
                    actor = self.approver if key in desk.ADMIN_FACTS else self.handler
                    do_set_fact(organ, year, key, Decimal(value), actor)
            self.report.facts_created += len(values)
            self.log(f"{organ.display_name}：{year}年度数据 {len(values)} 项")

    def run(self, organ) -> None:
        applications = self.load_applications(organ)
        self.load_appeals(organ, applications)
        self.load_enquiries(organ)
        self.load_facts(organ)
