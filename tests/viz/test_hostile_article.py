"""An article whose text carries HTML and script goes through the whole build; the page shows it and runs nothing."""
import pytest
from click.testing import CliRunner

from diplograph.cli.main import cli

SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
# A plain-text article (its title and quote carry the payloads as text) and an HTML page whose
# text has them as entities, which the reader turns back into characters.
PLAIN = f"""拜登与普京通话{SCRIPT}

2022年2月21日，美国总统拜登与俄罗斯总统普京通电话。
拜登告诉普京：“{IMG}制裁将很严厉。”
"""
ESCAPED = """<html><head><title>普京会见肖尔茨 &lt;script&gt;window.__pwned='entity'&lt;/script&gt;</title></head>
<body><p>2022年2月15日，俄罗斯总统普京在莫斯科会见德国总理肖尔茨。</p>
<p>肖尔茨说：“&lt;img src=x onerror=&quot;window.__pwned='entity-img'&quot;&gt;我们不想要战争。”</p></body></html>
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    (folder / "in" / "plain.txt").write_text(PLAIN, "utf-8")
    (folder / "in" / "escaped.html").write_text(ESCAPED, "utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder / "in"), "--out", str(folder / "out"), "-q"])
    assert result.exit_code == 0, result.output
    return folder / "out"


def test_the_payloads_survive_ingest_as_text(hostile_build):
    ttl = (hostile_build / "graph.ttl").read_text("utf-8")
    assert "window.__pwned='script'" in ttl and "window.__pwned='entity'" in ttl
    assert "onerror" in ttl  # the quote kept the <img …> text


def test_the_page_shows_the_text_and_runs_nothing(hostile_build, page):
    page.open(hostile_build / "graph.html")
    page.js("diplograph.setView('facts')")
    facts = page.js("return nodes.getIds().filter(function (id) { return /^(article|statement|interaction):/.test(id); })")
    shown = []
    for fid in facts:
        page.js("diplograph.select(arguments[0])", fid)
        shown.append(page.js("return document.querySelector('#dg-facts').textContent"))
    page.shot("hostile-article")
    text = "\n".join(shown)
    assert SCRIPT in text and "<script>window.__pwned='entity'</script>" in text  # titles, as text
    assert "onerror" in text  # the quote, as text
    assert page.js("return typeof window.__pwned") == "undefined"
    assert page.js("return document.querySelectorAll('#dg-facts img, #dg-facts script').length") == 0
    assert not [u for u in page.requests() if u.rstrip("/").endswith("/x")]  # <img src=x> never loaded
