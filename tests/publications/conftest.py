"""Two center desks, shared by the tests of desk scope (publications/scope.py)."""

import pytest

from tests.factories import CenterFactory


@pytest.fixture
def europe():
    return CenterFactory(name="Carnegie Europe")


@pytest.fixture
def beirut():
    return CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center")


@pytest.fixture
def europe_editor(editor, europe):
    europe.staff.add(editor)
    return editor


@pytest.fixture
def europe_manager(manager, europe):
    europe.staff.add(manager)
    return manager
