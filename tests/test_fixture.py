"""The curated seed timeline (fixtures/seed_timeline.json) loads and agrees with its sources and dates.

Excerpts and quotes are checked against the seed articles in ../shared/seeds: outside CI those checks skip
when the seeds are not beside the project; in CI they fail.
"""

import pytest
from django.core.management import call_command

from tests.seeds import seed_text
from timeline.dates import Modifier, Precision, parse_period
from timeline.ingest.clean import clean_text
from timeline.models import Actor, Citation, Event, Review, Source, Stance, Statement, Thread

ORIGINAL = "001_e537f502718dc5e8.txt"
COPY = "000_dac8c0381878449d.txt"
MAX_EXCERPT = 300

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline_seed(db):
    call_command("loaddata", "seed_timeline", verbosity=0)


def displayed(thread_slug: str) -> set[tuple[str, str]]:
    return {(str(e.date), e.slug) for e in Event.objects.filter(thread__slug=thread_slug)}


def dates_in(thread_slug: str) -> list[str]:
    return [str(e.date) for e in Event.objects.filter(thread__slug=thread_slug)]


def test_storylines_exist(timeline_seed):
    names = set(Thread.objects.values_list("name", flat=True))
    assert {
        "September 2022 purchase reports",
        "November 2022 rail shipments",
        "January 2023 Wagner photo",
        "Context",
    } <= names
    for thread in Thread.objects.all():
        assert thread.events.exists(), thread


def test_purchase_reports_storyline(timeline_seed):
    assert {
        ("early Sep 2022", "nyt-reports-russia-buying-north-korean-shells"),
        ("6 Sep 2022", "pentagon-ryder-confirms-russia-sought-ammunition"),
        ("22 Sep 2022", "dprk-defence-ministry-denies-arms-exports"),
        ("Sep 2022", "pyongyang-claims-sovereign-right-to-sell-arms"),
    } <= displayed("september-2022-purchase-reports")
    report = Event.objects.get(slug="nyt-reports-russia-buying-north-korean-shells")
    assert (report.date_precision, report.date_modifier) == ("month", "early")
    assert (str(report.date_start), str(report.date_end)) == ("2022-09-01", "2022-09-10")


def test_rail_shipments_storyline(timeline_seed):
    assert {
        ("Sep 2022", "pyongyang-announces-rail-traffic-resumption"),
        ("2 Nov 2022", "us-alleges-covert-shell-shipments"),
        ("2 Nov 2022", "interfax-rail-trade-resumes"),
        ("about Oct – Nov 2022", "first-train-crosses-border-bridge"),
        ("Nov 2022", "tokyo-shimbun-ammunition-by-train"),
        ("18–19 Nov 2022", "railcars-travel-russia-north-korea"),
        ("Nov – Dec 2022", "cargo-unloaded-at-tumangang"),
        ("12 Dec 2022", "38-north-imagery-tumangang"),
    } <= displayed("november-2022-rail-shipments")


def test_wagner_photo_storyline(timeline_seed):
    assert {
        ("Nov 2022", "north-korea-delivers-arms-to-wagner"),
        ("22 Dec 2022", "kirby-confirms-arms-delivery-to-wagner"),
        ("Dec 2022", "dprk-foreign-ministry-never-happened"),
        ("20 Jan 2023", "nsc-releases-railcar-imagery"),
        ("Jan 2023", "pyongyang-denies-wagner-photo"),
        ("Apr 2023", "robert-wood-condemns-transfers-at-un"),
        ("13 Jun 2023", "state-department-concerned-more-deliveries"),
    } <= displayed("january-2023-wagner-photo")


def test_context_and_oil(timeline_seed):
    assert {"24 Feb 2022", "early Mar 2022", "Oct 2022", "15 Aug 2022", "25 Apr 2019", "2006", "2017"} <= set(
        dates_in("context")
    )
    assert {"Dec 2022 – Apr 2023", "Dec 2022", "9 Jun 2023"} <= set(dates_in("2023-oil-transfers"))


def test_events_are_published_cited_and_threaded(timeline_seed):
    events = Event.objects.all()
    assert events.count() >= 30
    assert Event.objects.published().count() == events.count()
    for event in events:
        assert event.status == Event.Status.PUBLISHED, event
        assert event.published_at is not None, event
        assert event.thread_id is not None, event
        assert event.actors.exists(), event
        assert event.citations.exists(), event
        assert event.summary and len(event.title) <= 95, event


def test_stored_dates_agree_with_the_date_logic(timeline_seed):
    precisions = {p.value for p in Precision}
    modifiers = {m.value for m in Modifier}
    dated = [*Event.objects.all(), *Statement.objects.exclude(date_start__isnull=True)]
    assert dated
    for row in dated:
        assert row.date_precision in precisions, row
        assert row.date_modifier in modifiers, row
        assert parse_period(str(row.date)) == row.date, row
    for statement in Statement.objects.filter(date_start__isnull=True):
        assert statement.date_end is None and statement.date_modifier == "", statement


def test_excerpts_are_short(timeline_seed):
    for citation in Citation.objects.all():
        assert 0 < len(citation.excerpt) <= MAX_EXCERPT, citation
        assert citation.start is None and citation.end is None
    for statement in Statement.objects.all():
        assert 0 < len(statement.quote) <= MAX_EXCERPT, statement


def test_no_article_text_or_invented_urls(timeline_seed):
    for source in Source.objects.all():
        assert source.text == "", source
        assert source.url == "", source
        assert source.file_name, source


def test_source_titles_are_not_scraping_boilerplate(timeline_seed):
    # A scrape's first line can be a banner ("Voice is AI-generated"); the cleaner drops those.
    for source in Source.objects.all():
        assert clean_text(source.title) == source.title, source.file_name


def test_citation_excerpts_occur_verbatim(timeline_seed):
    for citation in Citation.objects.select_related("source"):
        assert citation.excerpt in seed_text(citation.source.file_name), citation


def test_statement_quotes_occur_verbatim(timeline_seed):
    # A quote may join non-adjacent passages of one source with " … ".
    for statement in Statement.objects.select_related("source"):
        text = seed_text(statement.source.file_name)
        for part in statement.quote.split(" … "):
            assert part in text, (statement.pk, part)


def test_every_seed_is_cited(timeline_seed):
    for source in Source.objects.all():
        assert source.citations.exists(), source


def test_copy_is_duplicate_of_original(timeline_seed):
    copy = Source.objects.get(file_name=COPY)
    original = Source.objects.get(file_name=ORIGINAL)
    assert copy.duplicate_of == original
    assert copy.original == original
    assert original.duplicate_of is None
    assert Source.objects.filter(duplicate_of__isnull=False).count() == 1
    assert original.outlet.name == "Newsweek" and str(original.published) == "2022-11-02"


def test_publication_dates(timeline_seed):
    published = {s.file_name[:3]: (str(s.published), s.published_source) for s in Source.objects.all()}
    assert published == {
        "000": ("None", "unknown"),
        "001": ("2022-11-02", "content"),
        "002": ("2022-12-23", "content"),
        "003": ("2023-06-14", "content"),
        "004": ("2022-09-22", "content"),
    }


def test_wagner_event_has_confirmation_and_denial(timeline_seed):
    wagner = Event.objects.get(slug="kirby-confirms-arms-delivery-to-wagner")
    stances = set(wagner.statements.accepted().values_list("stance", flat=True))
    assert {Stance.CONFIRMATION, Stance.DENIAL} <= stances
    denial = wagner.statements.get(stance=Stance.DENIAL, speaker__slug="dprk-ministry-of-foreign-affairs")
    assert "never happened" in denial.quote
    assert wagner.statements.get(stance=Stance.CONFIRMATION).speaker.name == "John Kirby"


def test_denials_sit_on_what_they_answer(timeline_seed):
    purchases = Event.objects.get(slug="nyt-reports-russia-buying-north-korean-shells")
    official = "dprk-general-bureau-of-equipment-official"
    assert purchases.statements.filter(stance=Stance.DENIAL, speaker__slug=official).count() == 2
    photo = Event.objects.get(slug="nsc-releases-railcar-imagery")
    assert photo.statements.filter(stance=Stance.DENIAL, quote__contains="uninteresting outcome").exists()


def test_statements_are_accepted_and_attributed(timeline_seed):
    statements = Statement.objects.all()
    assert statements.count() >= 20
    assert set(statements.values_list("review", flat=True)) == {Review.ACCEPTED}
    for statement in statements:
        assert statement.speaker_id or statement.speaker_name, statement
        assert statement.stance in Stance.values, statement
    assert not statements.filter(source__file_name=COPY).exists()  # the spun copy rewords its quotes


def test_actor_hierarchy(timeline_seed):
    kirby = Actor.objects.get(name="John Kirby")
    assert kirby.parent.name == "US National Security Council" and kirby.side == "United States"
    assert Actor.objects.get(name="Patrick Ryder").parent.name == "US Department of Defense"
    assert "Pentagon" in Actor.objects.get(name="US Department of Defense").alias_list
    assert Actor.objects.get(slug="dprk-general-bureau-of-equipment-official").parent.name == (
        "DPRK Ministry of National Defense"
    )
    assert Actor.objects.get(name="UN Security Council 1718 Committee").parent.name == "UN Security Council"
    for actor in Actor.objects.all():
        assert actor.side, actor
