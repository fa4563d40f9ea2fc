from gongkai.catalog.management.commands.publish_due import Command  # noqa: F401  (`gongkai publish-due`)
