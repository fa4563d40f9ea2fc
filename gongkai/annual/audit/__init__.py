"""The report auditor: read any published annual report, recover its tables, check every identity."""
