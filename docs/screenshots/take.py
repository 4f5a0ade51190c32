"""Take the README's screenshots from the demo, in Debian's Chromium.

    .venv/bin/python docs/screenshots/take.py

Loads the demo into a fresh SQLite file in a temporary folder, serves it on
port 8765, signs in as the demo administrator and saves 1280x900 pictures of
the dashboard, the action list, one group's review and the public plan into
this folder. The board report picture is a page of the PDF, not taken here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
SLUG = "wealdbridge"


def _wait_for(url: str, seconds: int = 60) -> None:
    for _ in range(seconds * 4):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 a local URL
            return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "JOINEDUP_DB_PATH": str(Path(folder) / "demo.sqlite3"),
               "HF_HUB_OFFLINE": "1"}
        subprocess.run([BIN / "joinedup", "demo", "--no-serve"],  # noqa: S603 our own command
                       check=True, env=env, cwd=folder)
        server = subprocess.Popen([BIN / "joinedup", "serve", "--port", str(PORT)],  # noqa: S603
                                  env=env,
                                  cwd=folder, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            _wait_for(f"{BASE}/sign-in/")
            _shoot()
        finally:
            server.terminate()
            server.wait(timeout=30)


def _shoot() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{BASE}/sign-in/")
        page.get_by_label("Username").fill("admin")
        page.get_by_label("Password", exact=True).fill("joinedup-demo")
        page.get_by_role("button", name="Sign in").click()
        for name, path in (("dashboard", f"/p/{SLUG}/dashboard/"),
                           ("actions", f"/p/{SLUG}/actions/")):
            page.goto(BASE + path)
            page.screenshot(path=HERE / f"{name}.png")
        page.goto(f"{BASE}/p/{SLUG}/synergies/")
        page.locator("main table a").first.click()
        page.screenshot(path=HERE / "synergy-review.png")
        page.goto(f"{BASE}/plan/")
        page.screenshot(path=HERE / "public-plan.png")
        browser.close()


if __name__ == "__main__":
    main()
