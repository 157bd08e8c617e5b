"""The site's name and the other site-wide words an editor may change, in one row.

Read with `current()` (Django's cache, no SQL once warm); templates get it as `site_settings`
(`context_processors.site_settings`). Saving the row drops the cached copy and purges every
cached page, since every page shows the site's name.
"""
