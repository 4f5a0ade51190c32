"""The browser fixtures are in fixtures.py, loaded for the whole suite by tests/conftest.py."""

from tests.browser.fixtures import assert_accessible  # noqa: F401 kept importable from here
