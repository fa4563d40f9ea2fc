from django.core.management.base import BaseCommand

from gongkai.applications.deadlines import do_mark_overdue, do_send_due_soon_reminders
from gongkai.applications.privacy import do_purge_expired_pii


class Command(BaseCommand):
    help = (
        "Mark overdue applications, e-mail due-soon reminders to handlers and purge applicant data past the "
        "retention period (run daily from cron)."
    )

    def handle(self, *args, **options):
        overdue = do_mark_overdue()
        reminded = do_send_due_soon_reminders()
        purged = do_purge_expired_pii()
        for app in overdue:
            self.stdout.write(f"overdue {app.tracking_code} (due {app.due_on})")
        for app in reminded:
            self.stdout.write(f"reminded {app.tracking_code} (due {app.due_on})")
        self.stdout.write(f"{len(overdue)} overdue, {len(reminded)} reminded, {purged} purged")
