from gongkai.applications.management.commands.check_deadlines import Command  # noqa: F401  (`gongkai check-deadlines`)
