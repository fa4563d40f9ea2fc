from django.core.management.base import BaseCommand

from gongkai.catalog.actions import do_expire_due, do_publish_due


class Command(BaseCommand):
    help = "Publish scheduled records whose time has come and mark expired records 失效 (run every minute from cron)."

    def handle(self, *args, **options):
        published = do_publish_due()
        expired = do_expire_due()
        for record in published:
            self.stdout.write(f"published {record.index_number} {record.title}")
        for record in expired:
            self.stdout.write(f"expired {record.index_number} {record.title}")
        self.stdout.write(f"{len(published)} published, {len(expired)} expired")
