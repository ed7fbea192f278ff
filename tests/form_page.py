"""Driving the fillable form (audit-tool form) in the headless Chromium of tests/browser.py.

Answers are given with the keyboard, as a lead auditor without a mouse would: space on
a radio button or a check box, typing into text boxes, Enter on buttons. Date inputs are
the browser's own picker, whose typed form depends on the locale: their value is set as
the picker sets it, with the same ``input`` event.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from audit_tool.cli import main

from browser import console_errors


def write_form(out: Path, *argv: str) -> Path:
    """``audit-tool form ARGV -o OUT``; the path of the page written."""
    streams = io.StringIO(), io.StringIO()
    code = main(["form", *argv, "-o", str(out)], *streams)
    assert code == 0, streams[1].getvalue()
    return out


def open_form(driver: Any, page: Path, *, keep_draft: bool = False) -> None:
    """Open ``page`` afresh: without ``keep_draft``, with no draft left from an earlier test."""
    driver.get(page.as_uri())
    if not keep_draft:
        driver.execute_script("localStorage.clear()")
        driver.get(page.as_uri())
    console_errors(driver)


def question(driver: Any, qid: str, entry: tuple[str, int] | None = None) -> Any:
    """The block of question ``qid`` (in entry ``(group, index)`` of a group)."""
    element_id = f"q-{qid}" if entry is None else f"q-{entry[0]}-{entry[1]}-{qid}"
    return driver.find_element("id", element_id)


def applies(driver: Any, qid: str, entry: tuple[str, int] | None = None) -> bool:
    """True when the form shows question ``qid`` as applying."""
    classes = question(driver, qid, entry).get_attribute("class").split()
    return "not-applying" not in classes


def choose(driver: Any, qid: str, value: str, entry: tuple[str, int] | None = None) -> None:
    """Choose option ``value`` of a choice question, with the space bar."""
    from selenium.webdriver.common.keys import Keys

    box = question(driver, qid, entry).find_element(
        "css selector", f":scope > .answer input[value='{value}']"
    )
    if not box.is_selected() or box.get_attribute("type") == "checkbox":
        box.send_keys(Keys.SPACE)


def type_text(driver: Any, element_id: str, text: str) -> None:
    """Type ``text`` into the text box or text area ``element_id`` (after clearing it)."""
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("id", element_id)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)


def set_date(driver: Any, element_id: str, day: str) -> None:
    """Set a date input to ``day`` (YYYY-MM-DD) as its picker does."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));",
        element_id,
        day,
    )


def press(driver: Any, element_id: str) -> None:
    """Press the button ``element_id`` with the Enter key."""
    from selenium.webdriver.common.keys import Keys

    driver.find_element("id", element_id).send_keys(Keys.ENTER)


def press_text(driver: Any, scope: Any, text: str) -> None:
    """Press the button under ``scope`` whose words are ``text``, with the Enter key."""
    from selenium.webdriver.common.keys import Keys

    for button in scope.find_elements("css selector", "button"):
        if button.text == text:
            button.send_keys(Keys.ENTER)
            return
    raise AssertionError(f"no button {text!r}")


def missing(driver: Any) -> list[tuple[str, str]]:
    """The "still missing" list: (code, pointer) of each item, in order."""
    items = driver.find_elements("css selector", "#missing-list li[data-code]")
    return [(i.get_attribute("data-code"), i.get_attribute("data-pointer")) for i in items]


def save_return(driver: Any, folder: Path, button: str = "save-yaml") -> Path:
    """Press "Save return" and wait for the downloaded file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    before = set(folder.iterdir())
    press(driver, button)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        new = [p for p in set(folder.iterdir()) - before if not p.name.endswith(".crdownload")]
        if new:
            time.sleep(0.1)  # the download is renamed into place when complete
            return new[0]
        time.sleep(0.05)
    raise AssertionError("the return was not saved")


def open_return(driver: Any, path: Path) -> None:
    """Choose ``path`` in the "Open a saved return" file input."""
    driver.find_element("id", "open-file").send_keys(str(path))
    time.sleep(0.2)


def notices(driver: Any) -> list[str]:
    """The texts of the notices shown at the top of the form."""
    return [n.find_element("css selector", "p").text
            for n in driver.find_elements("css selector", "#notices .notice")]
