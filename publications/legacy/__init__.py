"""The old site's page files: `format` (read and write the file format), `importer` (pages into the CMS, with the batch's lookup cache in `catalog`), `exporter` (the CMS read back as pages).

Imports point one way: the command → `importer` → `format` → models; `exporter` → `format`.
"""
