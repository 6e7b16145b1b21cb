"""The review queue at a curator's speed, in headless Chromium: the seed articles' date mentions
(49) worked through with one click each and no page load, a keyboard-only pass, the same buttons without
JavaScript, and the page's accessibility. Screenshots land in ``test-artifacts/``."""

import json
import re

import pytest
from django.core.management import call_command

from tests.browser import test_browser as shared
from tests.seeds import seed_path
from tests.test_seed_curation import dates_overlap, mentions_in, passage_span
from timeline.models import Citation, DateMention, Review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS, axe_violations, expect = shared.ARTIFACTS, shared.axe_violations, shared.expect

QUEUE = "/admin/timeline/datemention/"
DONE = re.compile(r"\breview-row--done\b")
CURRENT = re.compile(r"\bis-current\b")


@pytest.fixture
def seed_queue(seeded):
    """The curated seed timeline, then the seed articles loaded: their date mentions await review,
    each with the events the loader suggests. Returns, per mention, the curated events whose
    passages hold its sentence and whose dates hold its date (the events a curator attaches it to)."""
    call_command("load_articles", str(seed_path()), verbosity=0)
    expected: dict[int, set[int]] = {}
    for citation in Citation.objects.select_related("source", "event"):
        for mention in mentions_in(citation.source, passage_span(citation.source, citation.excerpt)):
            if dates_overlap(mention, citation.event):
                expected.setdefault(mention.pk, set()).add(citation.event_id)
    return expected


def signed_in(browser, live_server, admin_user, **options):
    context = browser.new_context(**{"viewport": {"width": 1400, "height": 900}, **options})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={QUEUE}")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{QUEUE}")
    return context, page


def count_page_loads(page) -> dict:
    """A counter of the documents the page loads from now on (an HTMX swap loads none)."""
    loads = {"count": 0}
    page.on("load", lambda: loads.__setitem__("count", loads["count"] + 1))
    return loads


def queue_screenshots(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1400, 768):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=False)
    page.set_viewport_size({"width": 1400, "height": 900})


def test_the_seed_mentions_take_one_click_and_no_page_load_each(live_server, browser, admin_user, seed_queue):
    mentions = list(DateMention.objects.values_list("pk", flat=True))
    # The seed articles' mentions, all pending, fit on one page of 50.
    assert 45 <= len(mentions) <= 50 and DateMention.objects.filter(review=Review.PENDING).count() == len(
        mentions
    )
    context, page = signed_in(browser, live_server, admin_user)
    rows = page.locator("#result_list tr.review-row")
    expect(rows).to_have_count(len(mentions))
    queue_screenshots(page, "review-queue")

    loads = count_page_loads(page)
    clicks, chosen = 0, {"attached": 0, "first offered": 0, "new draft": 0, "dismissed": 0}
    for index in range(len(mentions)):
        row = rows.nth(index)
        pk = int(row.get_attribute("id").removeprefix("mention-"))
        offered = [
            int(value)
            for value in row.locator("button[name=_attach]").evaluate_all("bs => bs.map(b => b.value)")
        ]
        wanted = [n for n, event in enumerate(offered) if event in seed_queue.get(pk, ())]
        if wanted:
            button = row.locator("button[name=_attach]").nth(wanted[0])
            chosen["attached"] += 1
            chosen["first offered"] += wanted[0] == 0
        elif pk in seed_queue:
            button = row.locator("button[name=_create]")
            chosen["new draft"] += 1
        else:
            button = row.locator("button[name=_dismiss]")
            chosen["dismissed"] += 1
        button.click()
        clicks += 1
        expect(page.locator(f"#mention-{pk}")).to_have_class(DONE)

    handled = DateMention.objects.exclude(review=Review.PENDING).count()
    print(
        f"\nreview queue, {len(mentions)} seed mentions: {clicks} clicks, {loads['count']} page loads "
        f"({clicks / len(mentions):.2f} clicks and {loads['count'] / len(mentions):.2f} page loads "
        "per mention); " + ", ".join(f"{what} {n}" for what, n in chosen.items())
    )
    assert handled == len(mentions)
    assert clicks / len(mentions) == 1 and loads["count"] == 0
    # The curated timeline's events, not new ones, took the mentions its passages hold.
    assert chosen["attached"] >= len(seed_queue) - 1
    assert DateMention.objects.filter(review=Review.ACCEPTED, event__isnull=False).count() == (
        chosen["attached"] + chosen["new draft"]
    )
    queue_screenshots(page, "review-queue-handled")
    context.close()


def test_a_keyboard_only_pass_over_a_few_rows(live_server, browser, admin_user, seed_queue):
    context, page = signed_in(browser, live_server, admin_user)
    loads = count_page_loads(page)
    ids = [
        int(i.removeprefix("mention-"))
        for i in page.locator("tr.review-row").evaluate_all("rs => rs.map(r => r.id)")
    ]
    first, second, third, fourth = ids[:4]
    expect(page.locator(f"#mention-{first}")).to_have_class(CURRENT)  # where the keys act

    page.keyboard.press("1")  # the first suggestion
    expect(page.locator(f"#mention-{first}")).to_have_class(DONE)
    expect(page.locator(f"#mention-{second}")).to_be_focused()  # the next one takes the focus
    assert page.locator("#review-status").inner_text().startswith("Cited on")
    page.keyboard.press("d")
    expect(page.locator(f"#mention-{second}")).to_have_class(DONE)
    expect(page.locator(f"#mention-{third}")).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator(f"#mention-{fourth}")).to_be_focused()
    page.keyboard.press("k")
    expect(page.locator(f"#mention-{third}")).to_be_focused()
    page.keyboard.press("n")
    expect(page.locator(f"#mention-{third}")).to_have_class(DONE)
    expect(page.locator(f"#mention-{fourth}")).to_be_focused()

    # Typed into the search box, the keys are letters.
    page.focus("#searchbar")
    page.keyboard.type("dn1")
    assert page.input_value("#searchbar") == "dn1"
    page.keyboard.press("Tab")  # onto the search button: keys act again, on the current row
    page.keyboard.press("d")
    expect(page.locator(f"#mention-{fourth}")).to_have_class(DONE)

    states = dict(DateMention.objects.filter(pk__in=ids[:5]).values_list("pk", "review"))
    assert states == {
        first: Review.ACCEPTED,
        second: Review.DISMISSED,
        third: Review.ACCEPTED,
        fourth: Review.DISMISSED,
        ids[4]: Review.PENDING,
    }
    first_mention = DateMention.objects.select_related("event").get(pk=first)
    assert first_mention.event.suggestions.filter(mention=first_mention).exists()
    assert DateMention.objects.get(pk=third).event.status == "draft"
    assert loads["count"] == 0
    context.close()


def test_without_javascript_the_buttons_post_and_come_back_to_the_filtered_list(
    live_server,
    browser,
    admin_user,
    seed_queue,
):
    context, page = signed_in(browser, live_server, admin_user, java_script_enabled=False)
    outlet = (
        DateMention.objects.filter(source__outlet__isnull=False)
        .values_list("source__outlet", flat=True)
        .first()
    )
    filtered = f"{live_server.url}{QUEUE}?source__outlet__id__exact={outlet}"
    page.goto(filtered)
    rows = page.locator("tr.review-row")
    before = rows.count()
    pk = int(rows.first.get_attribute("id").removeprefix("mention-"))
    rows.first.locator("button[name=_dismiss]").click()
    page.wait_for_url(f"**{QUEUE}?source__outlet__id__exact={outlet}")
    assert "Dismissed" in page.locator(".messagelist").inner_text()
    expect(page.locator(f"#mention-{pk}")).to_have_count(0)
    expect(rows).to_have_count(before - 1)
    assert DateMention.objects.get(pk=pk).review == Review.DISMISSED
    context.close()


def test_the_seed_queue_has_no_accessibility_violations(live_server, browser, admin_user, seed_queue):
    found = {}
    for width in (1400, 768):
        context, page = signed_in(
            browser, live_server, admin_user, bypass_csp=True, viewport={"width": width, "height": 900}
        )
        if width == 768:  # handled rows too
            rows = page.locator("tr.review-row")
            rows.nth(0).locator("button[name=_attach]").first.click()
            rows.nth(1).locator("button[name=_dismiss]").click()
            expect(rows.nth(0)).to_have_class(DONE)
            expect(rows.nth(1)).to_have_class(DONE)
        found[width] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
        context.close()
    assert found == {1400: [], 768: []}, json.dumps(found, indent=1)


def test_a_refused_post_says_so_and_an_ended_session_leads_to_the_sign_in_page(
    live_server, browser, admin_user, seed_queue
):
    context, page = signed_in(browser, live_server, admin_user)
    row = page.locator("tr.review-row").first
    pk = int(row.get_attribute("id").removeprefix("mention-"))
    context.clear_cookies(name="csrftoken")  # refused: 403
    row.locator("button[name=_dismiss]").click()
    expect(page.locator("#review-status")).to_contain_text("Nothing was done: the server answered 403")
    expect(row.locator("button[name=_dismiss]")).to_be_visible()  # the row as it was

    page.reload()  # a new token
    context.clear_cookies(name="sessionid")
    row.locator("button[name=_dismiss]").click()
    page.wait_for_url("**/admin/login/**")  # the page itself, not the sign-in form inside the list
    expect(page.locator("#id_username")).to_be_visible()
    assert DateMention.objects.get(pk=pk).review == Review.PENDING
    context.close()
