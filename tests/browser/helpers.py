"""What the browser tests do to pages: pick in an autocomplete, check focus, run axe, take screenshots."""

import re
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

BLOCKING_IMPACTS = {"serious", "critical"}


def choose(page, field_id: str, typed: str, option: str | None = None):
    """Pick `option` in the admin's autocomplete for `field_id` by typing `typed`, as a person does.

    Django renders the autocomplete as a select2 box after the hidden <select>: click it, type
    into its search field, and click the suggestion once the server has answered.
    """
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field").first
    search.press_sequentially(typed)
    suggestion = page.locator(".select2-container--open .select2-results__option[role=option]").filter(
        has_text=re.compile(rf"^{re.escape(option or typed)}$")
    )
    suggestion.click()
    page.locator(".select2-container--open .select2-dropdown").wait_for(state="detached")


def write_rich_text(page, field_name: str, paragraphs: list[str]):
    """Type `paragraphs` into the admin's rich-text editor for `field_name`, pressing Enter between them.

    Falls back to the plain textarea (as HTML) where the field has no editor.
    """
    row = page.locator(f".field-{field_name}")
    has_editor = row.locator("textarea[data-django-prose-editor], textarea[data-django-prose-editor-configurable]")
    if has_editor.count():
        # The editor starts as a module after the page has loaded; its editable area appears then.
        row.locator("[contenteditable=true]").click()
        for number, paragraph in enumerate(paragraphs):
            if number:
                page.keyboard.press("Enter")
            page.keyboard.type(paragraph)
    else:
        row.locator("textarea").fill("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def selected_labels(page, field_id: str) -> list[str]:
    return page.locator(f"#{field_id} option:checked").all_inner_texts()


def focus_ring(page) -> dict:
    """Describe document.activeElement and whether a focus indicator is drawn around it."""
    return page.evaluate(
        r"""() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          const shadow = style.boxShadow && style.boxShadow !== "none";
          return {
            tag: el.tagName.toLowerCase(),
            name: (el.getAttribute("aria-label") || el.labels?.[0]?.innerText || el.innerText || el.name || "")
              .replace(/\s+/g, " ").trim().slice(0, 80),
            visible: outline || shadow,
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            boxShadow: style.boxShadow,
          };
        }"""
    )


def tab_to(page, name: str, *, role_tag: str | None = None, limit: int = 60) -> dict:
    """Press Tab until the focused element is called `name`, checking the focus ring at every step.

    Returns the focused element's description. Fails if a step shows no visible focus or the
    element is never reached.
    """
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        assert ring["visible"], f"no visible focus on <{ring['tag']}> {ring['name']!r} ({ring})"
        if ring["name"].startswith(name) and (role_tag is None or ring["tag"] == role_tag):
            return ring
    raise AssertionError(f"{name!r} is not reachable with Tab within {limit} presses")


LOAD_FONTS = """async () => {
  await Promise.allSettled([...document.fonts].map((font) => font.load()));
  await document.fonts.ready;
}"""


def check_accessibility(page, axe_source: str, axe_report: dict, name: str) -> list[dict]:
    """Run axe-core in `page`, record the result under `name`, and return serious or critical violations.

    axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so
    checking accessibility does not itself count as a CSP violation.
    """
    page.wait_for_load_state()
    # The editor's toolbar draws its icons with a web font (Material Icons ligatures). Until the
    # font has arrived, axe reads each icon as its ligature's words ("format_bold") and reports a
    # name mismatch and low contrast that no editor ever sees. `document.fonts.ready` alone can
    # resolve before the browser has even asked for the font, so every declared font is loaded.
    page.evaluate(LOAD_FONTS)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:10],
            "summary": violation["nodes"][0]["failureSummary"] if violation["nodes"] else "",
        }
        for violation in result["violations"]
    ]
    axe_report[name] = {
        "url": page.url,
        "passes": len(result.get("passes", [])),
        "violations": violations,
    }
    return [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page, axe_source: str, axe_report: dict, name: str):
    blocking = check_accessibility(page, axe_source, axe_report, name)
    assert not blocking, f"axe on {name} ({page.url}): " + "; ".join(
        f"{v['impact']} {v['rule']} ({v['help']}) at {v['nodes']}: {v['summary']}" for v in blocking
    )


def screenshot(page, name: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


def screenshot_and_assert_no_sideways_scroll(page, name: str):
    """Load every picture (lazy ones below the fold too), save the screenshot, and refuse a page wider than the screen."""
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach((img) => { img.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every((img) => img.complete)", timeout=30_000)
    screenshot(page, name)
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{name} scrolls sideways at {page.viewport_size['width']} px: {width[0]} > {width[1]}"
