"""The editors' and managers' desk, one module per screen.

This package's purpose is the import list below: Django's admin autodiscovery imports
`publications.admin`, and each module registers its model admins (or the dashboard panel) when
imported, so a screen added here must be imported here too. Nothing is re-exported.

- `publication`: the publication's model admin (list, form, desk scope), wiring the desk views'
  URLs; its form and inlines are `publication_form`, its list filters `filters`.
- `desk_views`: workflow buttons, autosave, writing aids, revisions and restore.
- `review_queue`, `calendar`: the managers' review queue and the publishing schedule.
- `editions`: a work's editions panel, "Translate into …", the queue of editions behind their
  original and its dashboard count.
- `collections`, `people_and_images`, `audit`: admins registered here because they need pieces.
- `labels`: content types and disclaimers.
- `dashboard`: the desk counts panel on the admin index.
"""

from publications.admin import (  # noqa: F401
    audit,
    calendar,
    collections,
    dashboard,
    desk_views,
    editions,
    labels,
    people_and_images,
    publication,
    review_queue,
)
