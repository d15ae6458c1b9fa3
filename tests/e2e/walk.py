"""Walking every page of the app in the browser, and what a check finds on each: words such as "None" that
leak from missing values, form fields that share an accessible name, and axe-core's accessibility findings."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page

from tests.e2e.conftest import ARTIFACTS

# Navigation label -> the page's h1.
PAGES = {
    "Today": "Threshold",
    "Log session": "Log a session",
    "Check-ins": "Check-ins",
    "History": "History",
    "Progress": "Progress",
    "Suggestions": "Suggestions",
    "Report": "Report for your doctor",
    "Settings": "Settings",
    "Your data": "Your data",
    "Backup": "Backup",
}
# The pages whose screenshots (at 1280 and 390 px) go to artifacts/ for people reviewing a change.
SCREENSHOTS = ("Today", "Log session", "History", "Progress")
# What a missing value turns into when code prints it instead of saying what is missing ("None" at the start of
# a sentence such as "None in this range." is English, not a leak).
LEAKED = re.compile(r"\b(nan|NaN|null|undefined|NaT)\b|\bNone\b(?! [a-z])")
FIELD_ROLES = ("textbox", "spinbutton", "combobox", "checkbox", "radio", "slider", "switch", "searchbox")
FIELD_LINE = re.compile(rf"^\s*- ({'|'.join(FIELD_ROLES)}) \"(.*?)\"")

# axe-core findings that come from Streamlit's own markup, which the app's code cannot change. Each entry is a
# rule and a fragment of the element's selector or HTML; anything else fails the test.
STREAMLIT_OWN = {
    # st.file_uploader's drop zone is a <section role="presentation"> that is also focusable and labelled.
    ("presentation-role-conflict", "stFileUploaderDropzone"),
    # Vega, which Streamlit embeds to draw charts, gives each layer of point marks a role but no name; the chart
    # as a whole carries a description (charts.py).
    ("svg-img-alt", 'aria-roledescription="symbol mark container"'),
}


def snap(page: Page, name: str) -> None:
    """A screenshot of the whole page under artifacts/, named after the state, page and width."""
    size = page.viewport_size
    assert size is not None
    # Tables draw on a canvas after the script run ends; wait for them, not for time.
    for grid in page.get_by_test_id("stDataFrame").all():
        grid.locator("canvas").first.wait_for()
    # Streamlit scrolls inside its own main element, so a full-page screenshot would stop at the window's
    # height: make the window as tall as the content for the picture.
    tall = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(tall))})
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name.lower().replace(' ', '-')}-{size['width']}.png"))
    page.set_viewport_size(size)


def leaked_words(page: Page) -> list[str]:
    """Lines of the page's visible text that show a missing value as None, nan, null and the like."""
    text = page.get_by_test_id("stMain").inner_text()
    return [line.strip() for line in text.splitlines() if LEAKED.search(line)]


def shared_field_names(page: Page) -> list[str]:
    """Accessible names that more than one form field on the page carries (from the accessibility tree)."""
    names = Counter(
        f"{match.group(1)} {match.group(2)!r}"
        for line in page.get_by_test_id("stMain").aria_snapshot().splitlines()
        if (match := FIELD_LINE.match(line))
    )
    return sorted(name for name, count in names.items() if count > 1)


@dataclass(frozen=True)
class Finding:
    """One axe-core rule that fired, with the elements it fired on."""

    rule: str
    impact: str
    targets: tuple[str, ...]
    html: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) on {len(self.targets)}, e.g. {self.targets[0]}: {self.html[:160]}"


# App code that another engineer owns and has not fixed yet: page, rule and fragment, with the module. These are
# reported as warnings, not passed over in silence; delete an entry once its module is fixed.
OWNED_ELSEWHERE: dict[tuple[str, str, str], str] = {}


def _streamlit_own(rule: str, target: str) -> bool:
    return any(rule == allowed and fragment in target for allowed, fragment in STREAMLIT_OWN)


def _elsewhere(page: str, rule: str, target: str) -> bool:
    for (where, allowed, fragment), module in OWNED_ELSEWHERE.items():
        if (where, allowed) == (page, rule) and fragment in target:
            warnings.warn(f"{page}: {rule} from {module} (owned elsewhere, still to fix)", stacklevel=2)
            return True
    return False


def app_findings(response: dict[str, Any], page: str) -> list[Finding]:
    """axe-core's violations that the app's code causes (Streamlit's own, listed above, left out)."""
    found = []
    for violation in response["violations"]:
        rule = violation["id"]
        nodes = [
            node
            for node in violation["nodes"]
            if not _streamlit_own(rule, where := " ".join(map(str, node["target"])) + node.get("html", ""))
            and not _elsewhere(page, rule, where)
        ]
        if nodes:
            targets = tuple(" ".join(map(str, node["target"])) for node in nodes)
            found.append(Finding(violation["id"], str(violation.get("impact")), targets, str(nodes[0].get("html"))))
    return found
