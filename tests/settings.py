"""The project settings, tuned for a fast test run (the database still comes from DATABASE_URL)."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# The test client speaks plain http; tests/security/test_production_settings.py turns HTTPS (redirect,
# secure cookies, HSTS) back on and re-runs the role matrix over https.
os.environ.setdefault("SECURE_HTTPS", "0")

from cms.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache stays on (PAGE_CACHE defaults to on without DEBUG); tests/conftest.py empties
# the cache before every test. Hashed static names need collectstatic, which tests do not run.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# WhiteNoise looks for collected files here at start-up (and warns when the folder is missing);
# tests serve static files from the app folders instead, so an empty folder will do.
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-test-static-")
