"""Read functions for public pages, one module per screen; each returns ready-to-render data in a
fixed number of queries and declares (`depends_on`) what it shows, for the page cache.

- `publication_page`: a piece's page and its staff preview, recent work, rails, `disclaimer_for`.
- `listings`: the publications listing, its filter choices, and the home page.
- `taxonomy`: center, topic, region, program, project, collection and newsletter pages, their
  indexes, the region tree.
- `experts`: the expert page, and the people cards of taxonomy pages and search.
- `search`: the search page.
- `feeds`: the RSS and Atom feeds' items.
- `conditions`: what several screens share (the public work of a term, pages of cards).

Reads that are no public page live elsewhere: the legacy export in `publications/legacy/exporter.py`,
the staff publishing calendar in `publications/calendar.py`. Import from the modules: this package
re-exports nothing, so each caller names the screen it reads for.
"""
