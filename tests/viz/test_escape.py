"""Escaping of untrusted text: JSON that cannot leave its <script>, links that cannot run code."""
from __future__ import annotations

import json

import pytest

from diplograph.viz.escape import safe_url, script_json


def test_script_json_cannot_close_its_script_element():
    value = {"t": "</script><script>alert(1)</script><!-- & \u2028\u2029 >"}
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_script_json_keeps_chinese_readable():
    assert "拉夫罗夫" in script_json({"name": "拉夫罗夫"})


@pytest.mark.parametrize("url", ["https://www.epochtimes.com/gb/22/2/21/n13594481.htm", "http://example.org/a?b=1"])
def test_safe_url_keeps_http_links(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
    "//evil.example/x", "/relative/path", "file:///etc/passwd", "https://", "https://a.org/\"><script>", "", None,
    "https://a.org/x\nscript",
])
def test_safe_url_drops_everything_else(url):
    assert safe_url(url) == ""
