# Placeholder being replaced in this change.
SITEMAPS = {}
