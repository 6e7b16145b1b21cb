"""End-to-end tests in headless Chromium (Debian's package), driven by Playwright.

Outside CI they skip when Chromium is missing; in CI (``CI`` set) a missing browser fails.
Screenshots of the main pages land in ``test-artifacts/``.
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.browser.conftest import require
from tests.factories import make_actor, make_citation, make_event, make_source, make_statement, make_thread
from timeline.dates import parse_period
from timeline.models import DateMention, Event, Stance

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(db):
    rail, photo = make_thread("Rail shipments", slug="rail"), make_thread("Wagner photo", slug="photo")
    kirby = make_actor("John Kirby", slug="kirby")
    source = make_source("Newsweek report", text="The U.S. alleges covert shipments of shells.")
    shipments = make_event("Covert shell shipments alleged", "2 Nov 2022", thread=rail, actors=[kirby])
    cars = make_event("Railcars cross the border", "18-19 Nov 2022", thread=rail)
    released = make_event("Photo of railcars released", "20 Jan 2023", thread=photo)
    make_event("Purchase reports", "early Sep 2022")
    make_citation(shipments, source, excerpt="covert shipments of shells", start=13, end=43)
    make_citation(cars, source)
    make_statement(released, stance=Stance.DENIAL, quote="The arms transaction never happened.")
    make_statement(released, stance=Stance.CONFIRMATION, speaker=kirby, quote="We can confirm.")
    return {"shipments": shipments, "released": released, "source": source}


def shown_titles(page) -> list[str]:
    return page.locator(".card__title").all_inner_texts()


def screenshot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    for width, label in ((1440, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def axe_violations(page) -> list[dict]:
    require(AXE, "axe-core (npm install in tests/browser)")
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


def test_timeline_loads_and_filters_swap_results_without_a_page_load(live_server, page, story):
    page.goto(live_server.url + "/")
    assert shown_titles(page)[0] == "Purchase reports"
    screenshot(page, "timeline")
    page.evaluate("window.__sameDocument = true")

    page.select_option("#id_thread", "rail")
    page.wait_for_url("**/?thread=rail")
    expect(page.locator(".card")).to_have_count(2)
    assert shown_titles(page) == ["Covert shell shipments alleged", "Railcars cross the border"]

    page.fill("#id_q", "railcars")
    page.wait_for_url("**q=railcars**")
    expect(page.locator(".card")).to_have_count(1)

    page.select_option("#id_stance", "denial")
    expect(page.locator(".card")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True  # HTMX swapped; no full load

    page.go_back()
    expect(page.locator(".card")).to_have_count(1)
    assert page.input_value("#id_q") == "railcars"
    page.go_back()
    expect(page.locator(".card")).to_have_count(2)
    page.go_forward()
    expect(page.locator(".card")).to_have_count(1)


def test_a_copied_filtered_url_shows_the_same_view(live_server, browser, story):
    context = browser.new_context()
    fresh = context.new_page()
    fresh.goto(live_server.url + "/?thread=rail&date_from=2022-11-10")
    assert shown_titles(fresh) == ["Railcars cross the border"]
    assert fresh.input_value("#id_thread") == "rail"
    assert fresh.input_value("#id_date_from") == "2022-11-10"
    context.close()


def test_the_timeline_works_without_javascript(live_server, browser, story):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.select_option("#id_thread", "photo")
    page.click("button[type=submit]")
    page.wait_for_url("**thread=photo**")
    assert shown_titles(page) == ["Photo of railcars released"]
    page.click("text=Sources and statements")
    page.click(".card__details >> text=on the event’s page")
    assert "never happened" in page.locator(".dispute").inner_text()
    context.close()


def test_card_details_load_in_place_when_opened(live_server, page, story):
    page.goto(live_server.url + "/?thread=photo")
    page.click("text=Sources and statements")
    details = page.locator(".card__details")
    expect(details.locator("blockquote")).to_have_count(2)
    assert "never happened" in details.inner_text() and "We can confirm." in details.inner_text()
    assert page.url.endswith("/?thread=photo")  # still the timeline
    screenshot(page, "timeline-details")


def test_event_and_source_pages(live_server, page, story):
    page.goto(live_server.url + story["released"].get_absolute_url())
    assert page.locator("h1").inner_text() == "Photo of railcars released"
    assert "never happened" in page.locator(".dispute").inner_text()
    screenshot(page, "event")
    page.goto(live_server.url + story["source"].get_absolute_url())
    assert page.locator("h1").inner_text() == "Newsweek report"
    screenshot(page, "source")


def test_keyboard_reaches_the_filters_and_the_events(live_server, page, story):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    focused = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused.add(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    assert {"id_q", "id_thread", "id_actor", "Purchase reports"} <= focused


@pytest.mark.parametrize("path", ["/", "event", "source", "/statements/"])
def test_no_accessibility_violations(live_server, browser, story, path):
    url = {"event": story["released"].get_absolute_url(), "source": story["source"].get_absolute_url()}
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script
    page = context.new_page()
    page.goto(live_server.url + url.get(path, path))
    violations = axe_violations(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


def test_curator_turns_a_mention_into_a_published_event(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("curator", "curator@example.org", "a-long-test-passphrase")
    text = "Satellite images showed cargo unloaded at the Tumangang rail yard on Dec. 12, 2022."
    source = make_source("38 North imagery", text=text)
    start = text.index("Dec. 12, 2022")
    mention = DateMention(
        source=source,
        start=start,
        end=start + 13,
        text="Dec. 12, 2022",
        sentence_start=0,
        sentence_end=len(text),
    )
    mention.date = parse_period("12 Dec 2022")
    mention.save()

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "a-long-test-passphrase")
    page.click("input[type=submit]")
    page.click("text=Date mentions awaiting review")  # the review queue on the admin index
    page.click("text=Other event or title…")  # the review page, to give the new event a title
    page.fill("#id_title", "Cargo unloaded at Tumangang")
    page.click("input[name=_create]")
    event = Event.objects.get(title="Cargo unloaded at Tumangang")
    assert str(event.date) == "12 Dec 2022" and event.status == Event.Status.DRAFT

    page.goto(live_server.url + "/admin/timeline/event/")
    page.check(f"input[name=_selected_action][value='{event.pk}']")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.goto(live_server.url + "/?q=tumangang")
    assert shown_titles(page) == ["Cargo unloaded at Tumangang"]
    screenshot(page, "curated")


def test_review_queue_has_no_accessibility_violations(live_server, browser, admin_user, story):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/timeline/datemention/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/timeline/datemention/**")
    violations = axe_violations(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


def test_on_a_phone_the_filters_fold_behind_a_button(live_server, browser, story):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")
    toggle = page.locator(".filter-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#id_thread")).to_be_hidden()
    expect(page.locator("#id_q")).to_be_visible()
    assert (
        page.locator("#axis").bounding_box()["y"] < 800
    )  # results (the axis first) start on the first screen

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.select_option("#id_thread", "rail")
    page.wait_for_url("**/?thread=rail")
    expect(page.locator(".card")).to_have_count(2)
    expect(toggle).to_have_text("Filters (1)")
    toggle.click()
    expect(page.locator("#id_thread")).to_be_hidden()

    page.set_viewport_size({"width": 1280, "height": 800})  # wider: every filter in view again
    expect(toggle).to_be_hidden()
    expect(page.locator("#id_thread")).to_be_visible()
    context.close()


def rendering_fonts(page, selector: str) -> set[str]:
    """The fonts Chromium draws the text of ``selector`` with (a missing glyph is drawn, as a box,
    in the element's first font)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}


@pytest.mark.parametrize(
    ("language", "title", "quote"),
    [
        ("ko", "북한 “날조” 반발", "미국의 주장은 근거 없는 날조"),
        ("ja", "北朝鮮、供与を否定", "そのような取引は存在しない"),
        ("zh", "朝鲜否认向俄罗斯提供炮弹", "美国的说法毫无根据"),
    ],
)
def test_korean_japanese_and_chinese_text_renders_in_a_font_that_has_it(
    live_server, page, language, title, quote
):
    source = make_source(title, language=language, text=f"“{quote}”")
    make_statement(make_event(), source=source, quote=quote)
    page.goto(live_server.url + source.get_absolute_url())
    latin = rendering_fonts(page, ".breadcrumb")
    for selector in ("h1", ".statement blockquote p", ".source__text"):
        fonts = rendering_fonts(page, selector)
        # No glyph falls back to the Latin font, where it would be a box.
        assert fonts and not fonts & latin, (selector, fonts, latin)
    # Not slanted: these scripts have no italics.
    assert page.locator(".statement blockquote").evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    screenshot(page, f"source-{language}")


# The overview axis, on the curated seed timeline

SEED_LANES = [
    "September 2022 purchase reports",
    "November 2022 rail shipments",
    "January 2023 Wagner photo",
    "2023 oil transfers",
    "Context",
]
PURCHASE_REPORTS = "NYT and US intelligence: Russia is buying millions of North Korean shells and rockets"
RAILCARS = "Russian railcars travel between Russia and North Korea in suspected Wagner delivery"


def mark(page, title: str):
    return page.locator(f'.axis__mark[aria-label*="{title[:40]}"]')


def november_events() -> int:
    return Event.objects.published().in_period(date(2022, 11, 1), date(2022, 11, 30)).count()


def day_x(page, iso: str) -> float:
    """The x (px) where a day starts on the axis, from the scale's box and the window's dates."""
    return page.evaluate(
        """iso => {
          const figure = document.getElementById("axis"), scale = figure.querySelector(".axis__scale");
          const box = scale.getBoundingClientRect(), t = s => Date.parse(s + "T00:00:00Z");
          const first = t(figure.dataset.first), after = t(figure.dataset.last) + 86400000;
          return box.left + (t(iso) - first) / (after - first) * box.width;
        }""",
        iso,
    )


def axis_screenshots(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (360, 768, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_axis_shows_the_seed_lanes_and_how_loosely_each_event_is_dated(live_server, page, seeded):
    page.goto(live_server.url + "/")
    expect(page.locator(".axis__lane")).to_have_count(5)
    lanes = [
        name.split("\n")[0].split(" ←")[0].strip() for name in page.locator(".axis__lane").all_inner_texts()
    ]
    assert lanes == SEED_LANES
    axis_screenshots(page, "axis")

    early = mark(page, PURCHASE_REPORTS)
    assert (
        early.get_attribute("data-start") == "2022-09-01" and early.get_attribute("data-end") == "2022-09-10"
    )
    assert "axis__mark--soft" in early.get_attribute("class")  # "early": softened ends
    bar = early.locator(".axis__bar").bounding_box()
    assert abs(bar["x"] - day_x(page, "2022-09-01")) < 1.5
    assert abs(bar["x"] + bar["width"] - day_x(page, "2022-09-11")) < 1.5
    assert early.get_attribute("aria-label").startswith(f"early Sep 2022 — {PURCHASE_REPORTS}")

    railcars = mark(page, RAILCARS)
    assert "axis__mark--tick" in railcars.get_attribute("class")
    tick = railcars.locator(".axis__tick").bounding_box()
    assert tick["width"] < 10 and abs(tick["x"] - day_x(page, "2022-11-18")) < 2.5
    assert "18–19 Nov 2022" in railcars.get_attribute("aria-label")

    # Hovering a mark lights up its card; choosing it scrolls to the card.
    railcars.hover()
    card = page.locator(".card", has=page.locator(f"text={RAILCARS}"))
    expect(card).to_have_class(re.compile("is-linked"))
    card.locator(".card__summary").hover()  # and the other way round
    expect(railcars).to_have_class(re.compile("is-linked"))
    railcars.click()
    expect(card.locator(".card__title a")).to_be_focused()
    assert page.url == live_server.url + "/"

    page.emulate_media(media="print")  # the axis prints; its controls do not
    expect(page.locator(".axis__track").first).to_be_visible()
    expect(page.locator(".axis__zoom")).to_be_hidden()


def test_dragging_over_november_narrows_the_cards_and_pushes_the_url(live_server, page, seeded):
    page.goto(live_server.url + "/")
    page.evaluate("window.__sameDocument = true")
    y = page.locator(".axis__track").nth(1).bounding_box()["y"] + 8
    page.mouse.move(day_x(page, "2022-11-04"), y)
    page.mouse.down()
    page.mouse.move(day_x(page, "2022-11-15"), y, steps=5)
    page.mouse.move(day_x(page, "2022-11-26"), y, steps=5)
    page.mouse.up()
    page.wait_for_url("**/?date_from=2022-11-01&date_to=2022-11-30")
    expect(page.locator(".card")).to_have_count(november_events())
    dates = page.locator(".card__date time").all_inner_texts()
    assert all("Nov" in text for text in dates), dates
    assert page.input_value("#id_date_from") == "2022-11-01"
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator("#axis").get_attribute("data-unit") == "day"  # zoomed in to days
    axis_screenshots(page, "axis-november")

    page.go_back()
    page.wait_for_url(live_server.url + "/")
    expect(page.locator(".card")).to_have_count(33)
    assert page.input_value("#id_date_from") == ""


def test_the_range_handles_narrow_the_dates_from_the_keyboard(live_server, page, seeded):
    page.goto(live_server.url + "/")
    steps = page.locator("#axis").get_attribute("data-steps").split()
    november = steps.index("2022-11-01")
    page.focus(".axis__from")
    page.keyboard.press("Home")
    for _ in range(november):
        page.keyboard.press("ArrowRight")
    page.focus(".axis__to")
    page.keyboard.press("End")
    for _ in range(len(steps) - 2 - november):
        page.keyboard.press("ArrowLeft")
    page.wait_for_url("**/?date_from=2022-11-01&date_to=2022-11-30")
    expect(page.locator(".card")).to_have_count(november_events())
    dates = page.locator(".card__date time").all_inner_texts()
    assert all("Nov" in text for text in dates), dates
    expect(page.locator(".axis__to")).to_be_focused()  # focus stays on the handle after the swap
    page.go_back()
    page.wait_for_url(live_server.url + "/")


def test_disputed_keeps_the_events_both_alleged_and_denied(live_server, page, seeded):
    page.goto(live_server.url + "/")
    page.select_option("#id_disputed", "1")
    page.wait_for_url("**/?disputed=1")
    disputed = sorted(Event.objects.published().disputed().values_list("title", flat=True))
    assert disputed
    expect(page.locator(".card")).to_have_count(len(disputed))
    titles = shown_titles(page)
    assert sorted(titles) == disputed
    for title in titles:
        assert "disputed" in mark(page, title).first.get_attribute("aria-label")
    assert page.locator(".axis__mark").count() == page.locator(".axis__mark--disputed").count()


def test_the_axis_reads_without_javascript(live_server, browser, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.locator(".axis__handles")).to_be_hidden()
    page.locator('.axis__scale a[aria-label="Narrow to Nov"]').click()
    page.wait_for_url("**date_from=2022-11-01&date_to=2022-11-30")
    assert all("Nov" in text for text in page.locator(".card__date time").all_inner_texts())
    mark(page, RAILCARS).click()
    assert page.locator("h1").inner_text() == RAILCARS
    context.close()


@pytest.mark.parametrize("width", [360, 1440])
def test_the_seeded_axis_has_no_accessibility_violations(live_server, browser, seeded, width):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/")
    violations = axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
    context.close()
    assert violations == [], json.dumps(violations, indent=1)
