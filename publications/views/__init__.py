"""Public pages' views, one module per screen, as the read functions are (publications/queries/):
`publication_page` (page, staff preview, share link), `listings` (home, publications listing),
`search`, `experts` (the expert page) and `taxonomy` (centers', topics', regions' and the other
terms' pages and indexes). Each parses the request, calls one read function and renders."""
