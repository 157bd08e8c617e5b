"""The project's additions to Django's date and number formats per language (settings.FORMAT_MODULE_PATH).

Django looks here first and falls back to its own formats for anything not set here.
"""
