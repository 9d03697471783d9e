"""The teaching tests share the HTML viewer's browser fixture (one headless Chromium per module)."""

from tests.render.test_html_browser import browser  # noqa: F401
