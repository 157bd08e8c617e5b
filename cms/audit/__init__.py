"""Platform app: the audit log, written only through `cms.audit.services`."""
