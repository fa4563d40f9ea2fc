"""年度报告: format schemas (2019 trial, 2021, legacy narrative) and the report auditor."""
