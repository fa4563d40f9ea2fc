"""Quality of the annual report auditor: precision and recall of its findings and table-recovery accuracy over the
labelled fixture reports of bench/audit/fixtures/labels.json, and the time per report (`make bench-audit`)."""
