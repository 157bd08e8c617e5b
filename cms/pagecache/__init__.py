"""Platform app: whole public pages from the cache, purged exactly when what they show changes."""
