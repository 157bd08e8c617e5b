"""Imports point down (docs/architecture.md, "Layers"), kept by the contract in pyproject.toml.

`make test` runs `lint-imports` on the tree before pytest. These tests hand the contract, in a copy
of the apps, each kind of import it exists to refuse, so a contract loosened by mistake fails too.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = ("cms", "publications", "people")


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    # The tree's own directory comes first on the import path, so its copy of the apps is the one read.
    return subprocess.run(
        [LINT_IMPORTS, "--no-logo", "--no-cache"], cwd=tree, capture_output=True, text=True, check=False
    )


@pytest.fixture
def tree(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_imports_of_the_apps_keep_the_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "added_code", "refusal"),
    [
        pytest.param(
            "cms/richtext/rendering.py",
            "def later():\n    from publications.models import Publication\n",
            "cms.richtext is not allowed to import publications",
            id="platform-imports-an-app-inside-a-function",
        ),
        pytest.param(
            "people/models.py",
            "from publications import models as publication_models\n",
            "people is not allowed to import publications",
            id="people-imports-publications",
        ),
        pytest.param(
            "cms/urls.py",
            "from publications import views\n",
            "cms.urls is not allowed to import publications",
            id="project-urlconf-names-an-app-view",
        ),
        pytest.param(
            "people/admin.py",
            "from cms.admin_site import CMSAdminSite\n",
            "people is not allowed to import cms.admin_site",
            id="app-imports-the-admin-site",
        ),
        pytest.param(
            "cms/sitesettings/models.py",
            "from people.models import Person\n",
            "cms.sitesettings is not allowed to import people",
            id="platform-app-imports-an-app",
        ),
        pytest.param(
            "cms/sitesettings/admin.py",
            "from cms.admin_site import CMSAdminSite\n",
            "cms.sitesettings is not allowed to import cms.admin_site",
            id="platform-app-imports-the-admin-site",
        ),
        pytest.param(
            "cms/richtext/views.py",
            "from cms import urls\n",
            "cms.richtext is not allowed to import cms.urls",
            id="platform-imports-the-urlconf",
        ),
        pytest.param(
            "cms/media/models.py",
            "from cms.taxonomies.models import Center\n",
            "cms.media is not allowed to import cms.taxonomies",
            id="platform-app-imports-a-higher-platform-app",
        ),
        pytest.param(
            "cms/audit/services.py",
            "from cms.pagecache.cache import purge\n",
            "cms.audit is not allowed to import cms.pagecache",
            id="independent-platform-apps-import-each-other",
        ),
        pytest.param(
            "cms/kit/slugs.py",
            "from cms.media.models import Image\n",
            "cms.kit is not allowed to import cms.media",
            id="the-kit-imports-an-app",
        ),
    ],
)
def test_the_contract_refuses_an_import_that_points_up(tree, module, added_code, refusal):
    with (tree / module).open("a") as source:
        source.write("\n" + added_code)

    result = lint_imports(tree)

    assert result.returncode == 1
    assert refusal in result.stdout


def test_the_contract_refuses_a_new_import_cycle_inside_an_app(tree):
    with (tree / "cms/kit/slugs.py").open("a") as source:
        source.write("\nimport cms.kit.pagination\n")
    with (tree / "cms/kit/pagination.py").open("a") as source:
        source.write("\nimport cms.kit.slugs\n")

    result = lint_imports(tree)

    assert result.returncode == 1
    assert "No cycles are allowed in cms.kit." in result.stdout
