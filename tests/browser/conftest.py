"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for accessibility."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCHERMAFDRUKKEN = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", wachtwoord="demo")


@pytest.fixture
def nieuwe_pagina(browser, live_server):
    contexts = []

    def maak(*, javascript=True, breedte=None):
        # bypass_csp lets the test inject axe-core; the portal itself runs no inline script.
        extra = {"viewport": {"width": breedte, "height": 844}} if breedte else {}
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=javascript, bypass_csp=True, **extra
        )
        contexts.append(context)
        return context.new_page()

    yield maak
    for context in contexts:
        context.close()


def inloggen(page, gebruiker, wachtwoord="demo"):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def axe_bevindingen(page):
    """Serious and critical WCAG 2.1 A/AA findings of axe-core on the current page."""
    page.add_script_tag(path=str(AXE))
    opties = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"
    resultaat = page.evaluate(f"async () => await axe.run(document, {opties})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def schermafdruk(page, naam):
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCHERMAFDRUKKEN / f"{naam}.png"), full_page=True)
