"""What a person does in the app, as Playwright steps that wait on what the page shows (never on time)."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# Tries at opening a select box's list, and how long each waits for it.
OPEN_ATTEMPTS = 4
OPEN_WAIT_MS = 5_000


def idle(page: Page) -> None:
    """Wait until the app's script run has finished (after what the action changed is already visible)."""
    # wait_for watches the page continuously; expect() would poll at growing intervals of up to a second.
    page.locator(IDLE).wait_for(state="attached")
    errors = page.get_by_test_id("stException")
    if errors.count():
        raise AssertionError(f"The app shows an error:\n{errors.first.inner_text()}")


def open_app(page: Page, url: str, path: str = "") -> None:
    """Open the app (or one of its paths) and wait for its first script run to finish."""
    page.goto(f"{url}/{path}")
    # Every page starts with a title, which only the app's script run draws.
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    idle(page)


def go_to(page: Page, label: str, heading: str | None = None) -> None:
    """Click a page in the navigation (the sidebar, or on a phone the Pages menu) and wait for its title."""
    menu = page.get_by_role("button", name="Pages", exact=True)
    if menu.is_visible():
        # The menu shows the page already open as plain text, not a link.
        if page.get_by_role("heading", level=1, name=heading or label).is_visible():
            return
        menu.click()
        nav = page.get_by_test_id("stPopoverBody")
    else:
        nav = page.get_by_test_id("stSidebarNav")
        if not nav.is_visible():
            page.get_by_role("button", name="Expand sidebar").click()
    nav.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=heading or label)).to_be_visible()
    idle(page)


def field(page: Page, label: str) -> Locator:
    """The input whose label is exactly `label`."""
    return page.get_by_label(label, exact=True)


def type_into(page: Page, label: str, value: object) -> None:
    """Type a value into a text or number input and commit it (as pressing Enter does)."""
    box = field(page, label)
    box.fill(str(value))
    # Enter commits an input; in a text area it would add a line, so leaving the box commits it instead.
    if box.evaluate("element => element.tagName") == "TEXTAREA":
        box.blur()
    else:
        box.press("Enter")
    expect(box).to_have_value(shown_as(value))
    idle(page)


def shown_as(value: object) -> str | re.Pattern[str]:
    """What an input shows once a value is committed: numbers may gain decimals (40 -> 40.00)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = re.escape(f"{value:g}")
    return re.compile(rf"^{text}0*$" if "." in text else rf"^{text}(\.0+)?$")


def set_date(page: Page, label: str, day: date) -> None:
    """Type a date into a date input, segment by segment (year, month, day), as a keyboard user does."""
    for part, digits in (("year", f"{day:%Y}"), ("month", f"{day:%m}"), ("day", f"{day:%d}")):
        segment = page.get_by_role("spinbutton", name=f"{part}, {label}", exact=True)
        segment.click()
        segment.press_sequentially(digits)
    page.keyboard.press("Enter")
    widget = page.get_by_test_id("stDateInput").filter(has=page.get_by_role("group", name=label, exact=True))
    expect(widget.locator("input[type=date]")).to_have_value(day.isoformat())
    idle(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option from a select box by the text shown for it (typing to narrow a long list)."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    box.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()
    expect(selected(page, label)).to_have_value(option)
    idle(page)


def options(page: Page, label: str) -> Locator:
    """Open a select box and return its options (press Escape to close it again)."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    listbox = page.get_by_role("listbox")
    # A script run that finishes just after the click draws the box afresh and closes its list (seen on a
    # loaded CI machine), so click again until the list stays open.
    for _ in range(OPEN_ATTEMPTS - 1):
        idle(page)
        box.click()
        try:
            listbox.wait_for(state="visible", timeout=OPEN_WAIT_MS)
            return listbox.get_by_role("option")
        except PlaywrightTimeout:
            continue
    box.click()
    expect(listbox).to_be_visible()
    return listbox.get_by_role("option")


def selected(page: Page, label: str) -> Locator:
    """The text box of a select box, whose value is the option shown as chosen."""
    return page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True)).locator("input")


def click(page: Page, name: str) -> None:
    """Press a button by its text."""
    page.get_by_role("button", name=name, exact=True).click()


def open_menu(page: Page, key: str) -> Locator:
    """Open the popover menu with this widget key and return its body once the app has drawn what is inside."""
    page.locator(f".st-key-{key}").get_by_test_id("stPopoverButton").click()
    # The body floats over the page, outside the menu's own element; only an open menu has one.
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_be_visible()
    idle(page)
    return body


def open_chart_downloads(page: Page, chart: str) -> Locator:
    """On Progress, open "Download charts" (its widgets are made once it is open), pick a chart and return the
    section's body."""
    section = page.get_by_test_id("stExpander").filter(has_text="Download charts")
    section.locator("summary").click()
    expect(section.get_by_text("letter or message to your doctor")).to_be_visible()
    idle(page)
    # Picked from the open list: a phone's select box takes no typing to narrow it.
    listed = options(page, "Chart").filter(has_text=chart)
    listed.scroll_into_view_if_needed()
    listed.click()
    expect(selected(page, "Chart")).to_have_value(chart)
    idle(page)
    return section


def open_more_charts(page: Page) -> None:
    """On Progress, open "More charts" (read and drawn only once opened) and wait until its script run is done."""
    page.get_by_test_id("stExpander").filter(has_text="More charts").locator("summary").click()
    expect(page.get_by_role("heading", name="Strength: estimated one-rep max")).to_be_visible()
    idle(page)


def message(page: Page, text: str | re.Pattern[str]) -> Locator:
    """An alert (success, info, warning or error box) showing the text."""
    return page.get_by_test_id("stAlert").filter(has_text=text)


def chart_marks(page: Page, *texts: str) -> Locator:
    """Marks (bars, points, lines) of the charts on the page whose description mentions every text.

    Streamlit draws small charts as SVG, and Vega describes every mark for screen readers (aria-label).
    """
    return page.get_by_test_id("stVegaLiteChart").locator("".join(f"[aria-label*={text!r}]" for text in texts))


def screenshot_all(page: Page, path: str) -> None:
    """A screenshot of the whole app page: Streamlit scrolls inside its main section, so `full_page` alone
    stops at the window; the window is made as tall as the content first (and put back afterwards)."""
    size = page.viewport_size or {"width": 1280, "height": 900}
    tall = page.evaluate("Math.max(...[...document.querySelectorAll('[data-testid=stMain]')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": size["width"], "height": max(int(tall), size["height"])})
    # Charts redraw on the resize; two animation frames later they are painted.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)
