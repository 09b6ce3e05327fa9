"""Fixtures for the viz tests: a headless Chromium that records console messages and every request."""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1600,1000", "--lang=zh-CN",
         # Belt and braces: even if the page asked for a remote host, nothing would leave the machine.
         "--host-resolver-rules=MAP * ~NOTFOUND")


class Page:
    """A loaded graph.html in the shared browser, with helpers to read what it did."""

    def __init__(self, driver, shots: Path):
        self.driver = driver
        self.shots = shots
        self.url = ""
        self.seen: list[str] = []

    def open(self, path: Path, timeout: float = 30.0, hash: str = "") -> float:
        """Load `path` (with `hash` after #), wait until the page script is ready and has drawn; return seconds taken."""
        self.driver.get_log("browser")
        self.driver.get_log("performance")
        start = time.monotonic()
        self.url = path.resolve().as_uri()
        self.seen = []
        self.driver.get("about:blank")  # a new load even when only the #hash differs from the page shown
        self.driver.get(self.url + (f"#{hash}" if hash else ""))
        while time.monotonic() - start < timeout:
            if self.js("return !!(window.diplograph && window.diplograph.ready && window.__dgDrawn)"):
                return time.monotonic() - start
            time.sleep(0.05)
        raise AssertionError(f"{path} did not draw within {timeout}s; console: {self.console()}")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console(self) -> list[dict]:
        return self.driver.get_log("browser")

    def requests(self) -> list[str]:
        """URLs of every request the page sent since it was opened (from Chromium's DevTools log)."""
        for entry in self.driver.get_log("performance"):  # reading the log empties it: keep what it said
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.seen.append(message["params"]["request"]["url"])
        return list(self.seen)

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for all browser tests; skips with the reason when it cannot start."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (Debian: apt-get install chromium chromium-driver fonts-wqy-microhei)")
    profile = tempfile.mkdtemp(prefix="dg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    try:
        # The driver path is explicit, so Selenium Manager never tries to download one.
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except Exception as exc:  # noqa: BLE001 - any start failure means: no browser here
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless Chromium did not start: {exc}")
    driver.set_script_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, tmp_path):
    """The shared browser, with screenshots going to this test's temporary folder."""
    return Page(browser, tmp_path)


@pytest.fixture(scope="session")
def dev_graph(extractor):
    """The knowledge graph of the dev corpus (216 articles), as the pipeline builds it."""
    from diplograph.pipeline import build_graph
    from support.paths import DEV, need_shared

    return build_graph([need_shared(DEV)], extractor=extractor)


@pytest.fixture(scope="session")
def dev_page(dev_graph, tmp_path_factory) -> Path:
    """graph.html of the dev corpus."""
    from diplograph.viz import write_html

    return write_html(dev_graph, tmp_path_factory.mktemp("dev") / "graph.html")
