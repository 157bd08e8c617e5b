"""Demo content for `manage.py seed_demo`: fixed data (data.py), hand-written editions (editions.py)
and a seeded generator (generator.py).

Nothing in this package touches the database; the command turns the plain data it returns into
rows. Everything is derived from fixed seeds and a fixed reference date, so two runs (on any
database) describe exactly the same site.
"""
