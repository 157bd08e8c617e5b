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
# Hits look for failed purges once an hour here, and tests/conftest.py counts each test's start as a
# look, so a hit stays at zero queries; tests/cms/test_failed_purges.py looks on every hit.
PAGE_CACHE_PENDING_CHECK_SECONDS = 3600
# A second worker in tests/cms/test_failed_purges.py runs with a real Redis cache (or a closed port).
if os.environ.get("TEST_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["TEST_REDIS_URL"],
            "KEY_PREFIX": os.environ.get("TEST_CACHE_PREFIX", ""),
        }
    }
