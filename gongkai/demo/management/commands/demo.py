"""`gongkai demo`: load the demo organ tree, staff, a year of published information and the casework
(applications, enquiries, appeals, organ-year facts) of 东风路街道 (idempotent)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import NoReverseMatch, reverse

from gongkai.demo.content.organs import DEMO_PASSWORD, STAFF
from gongkai.demo.loader import DemoLoader
from gongkai.organs.models import Organ, Role


class Command(BaseCommand):
    help = (
        "Load the demo data: 长沙市 → 开福区 → 东风路街道 and four communities, one staff user per role, "
        "about a year of published records, and 东风路街道's applications, enquiries, appeals and organ-year "
        "facts for last year and this year. Running it again changes nothing. Prints the demo logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print only the demo logins (no progress or summary)."
        )

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        log = (lambda message: None) if quiet else (lambda message: self.stdout.write(f"  {message}"))
        report = DemoLoader(log=log).run()
        elapsed = time.monotonic() - started
        if not quiet:
            if report.changed:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"演示数据已载入：新建机关 {report.organs_created} 个、用户 {report.users_created} 个、"
                        f"信息 {report.records_created} 条、附件 {report.attachments_created} 个，用时 {elapsed:.1f} 秒。"
                    )
                )
                self._casework(report)
                self._categories(report)
                if report.skipped_organs:
                    self.stdout.write(f"  已有信息、未载入演示信息的机关：{'、'.join(report.skipped_organs)}")
            else:
                self.stdout.write("演示数据已存在，未做任何改动。")
        self._logins()

    def _casework(self, report):
        if (
            report.applications_created
            or report.enquiries_created
            or report.appeals_created
            or report.facts_created
        ):
            self.stdout.write(
                f"  依申请公开 {report.applications_created} 件（告知书 {report.letters_created} 份）、"
                f"咨询及举报投诉 {report.enquiries_created} 条、行政复议和行政诉讼 {report.appeals_created} 件、"
                f"年度数据 {report.facts_created} 项"
            )

    def _categories(self, report):
        """Published records per category, one line per organ (a record may sit in two categories)."""
        for organ, counts in report.per_category.items():
            self.stdout.write(f"  {organ}：{'、'.join(f'{name} {n}' for name, n in counts)}")

    def _logins(self):
        try:
            login_url = settings.PUBLIC_BASE_URL + reverse("backoffice:login")
        except NoReverseMatch:
            login_url = settings.PUBLIC_BASE_URL + "/staff/login/"
        organs = {
            o.org_code: o.display_name for o in Organ.objects.filter(org_code__in={s[2] for s in STAFF})
        }
        roles = dict(Role.choices)
        self.stdout.write("")
        self.stdout.write(f"演示账号（仅供演示，密码均为 {DEMO_PASSWORD}）：{login_url}")
        for username, display_name, org_code, role in STAFF:
            where = f"{organs.get(org_code, org_code)} · {roles[role]}" if role else "系统管理员（superuser）"
            self.stdout.write(f"  {username:<11} {DEMO_PASSWORD}  {display_name}  {where}")
