"""schema.org JSON-LD on the pages: Event on event pages, NewsArticle on source pages, a Claim for
each statement; read back from the served HTML."""

import json

import lxml.html
import pytest

from tests.factories import make_actor, make_event, make_outlet, make_source, make_statement
from timeline.models import Event, Review, Source, Stance, Statement

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script><!--"


def page_jsonld(client, url) -> list[dict]:
    """The nodes of every JSON-LD block of the page at ``url``."""
    response = client.get(url)
    assert response.status_code == 200
    blocks = lxml.html.fromstring(response.content).xpath('//script[@type="application/ld+json"]')
    assert len(blocks) == 1
    data = json.loads(blocks[0].text)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def of_type(nodes, kind):
    return [node for node in nodes if node["@type"] == kind]


def test_every_seed_event_page_describes_its_event_and_claims(client, seeded):
    events = Event.objects.published().for_timeline()
    assert len(events) == 33
    dated = 0
    for event in events:
        nodes = page_jsonld(client, event.get_absolute_url())
        (described,) = of_type(nodes, "Event")
        assert described["name"] == event.title
        assert described["url"] == f"http://testserver{event.get_absolute_url()}"
        fuzzy = event.date
        if fuzzy.precision.value in ("day", "month", "year") and not fuzzy.modifier:
            dated += 1
            assert described["startDate"] == fuzzy.value
            assert described["endDate"] == (fuzzy.until or fuzzy.value)
        else:  # "early Sep 2022", "Q3 1998": no made-up start day
            assert "startDate" not in described and "endDate" not in described
        claims = of_type(nodes, "Claim")
        assert sorted(claim["text"] for claim in claims) == sorted(s.quote for s in event.statements.all())
        for claim in claims:
            assert claim["author"]["name"] and claim["author"]["@type"] in ("Person", "Organization")
            assert claim["appearance"]["@type"] == "NewsArticle" and claim["appearance"]["url"]
            assert claim["firstAppearance"]["url"]
            assert claim["datePublished"]
            assert claim["about"] == {"@id": described["@id"]}
    assert 0 < dated < 33


def test_a_claim_names_its_speaker_its_article_and_the_original_it_first_appeared_in(client):
    kcna = make_actor("KCNA", slug="kcna", kind="media")
    outlet = make_outlet("Wire")
    original = make_source("Original", url="https://example.org/a", outlet=outlet, published="2022-11-02")
    copy = make_source("Copy", url="https://example.org/b", duplicate_of=original, published="2022-11-03")
    event = make_event("Denial", "early Nov 2022")
    make_statement(event, stance=Stance.DENIAL, speaker=kcna, quote="Never.", source=copy, date="8 Nov 2022")
    make_statement(event, quote="Undated.", source=copy, speaker_name="An official")
    claims = {c["text"]: c for c in of_type(page_jsonld(client, event.get_absolute_url()), "Claim")}
    denial = claims["Never."]
    assert denial["author"] == {
        "@type": "Organization",
        "name": "KCNA",
        "url": "http://testserver/actors/kcna/",
    }
    assert denial["appearance"]["url"] == "https://example.org/b"
    assert denial["firstAppearance"] == {
        "@type": "NewsArticle",
        "headline": "Original",
        "url": "https://example.org/a",
        "datePublished": "2022-11-02",
        "publisher": {"@type": "Organization", "name": "Wire"},
    }
    assert denial["datePublished"] == "2022-11-08"
    assert claims["Undated."]["author"] == {"@type": "Person", "name": "An official"}
    assert claims["Undated."]["datePublished"] == "2022-11-03"  # the article's date, when undated


def test_every_seed_source_page_describes_a_news_article_with_its_claims(client, seeded):
    for source in Source.objects.all():
        nodes = page_jsonld(client, source.get_absolute_url())
        (article,) = of_type(nodes, "NewsArticle")
        assert article["headline"] == source.title
        if source.published:  # (the reworded copy's date is unknown)
            assert article["datePublished"] == source.published.isoformat()
        else:
            assert "datePublished" not in article
        assert article["mainEntityOfPage"] == f"http://testserver{source.get_absolute_url()}"
        public = Statement.objects.public().filter(source=source)
        assert sorted(c["text"] for c in of_type(nodes, "Claim")) == sorted(s.quote for s in public)


def test_a_source_page_gives_the_dateline_and_the_original(client):
    original = make_source("Original", url="https://example.org/a")
    source = make_source(
        "Rail cars cross",
        url="https://example.org/rail",
        author="A. Reporter",
        published="2022-11-19",
        text="Rail cars cross\nPublished 19 Nov 2022 10:00 KST\nTrains crossed the border on Friday.",
        duplicate_of=original,
    )
    (article,) = of_type(page_jsonld(client, source.get_absolute_url()), "NewsArticle")
    assert article["dateline"] == "Published 19 Nov 2022 10:00 KST"
    assert article["author"] == {"@type": "Person", "name": "A. Reporter"}
    assert article["url"] == "https://example.org/rail"
    assert article["isBasedOn"]["url"] == "https://example.org/a"


def test_untrusted_text_cannot_leave_the_data_block(client):
    event = make_event(HOSTILE)
    make_statement(event, quote=HOSTILE, review=Review.ACCEPTED)
    response = client.get(event.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    nodes = page_jsonld(client, event.get_absolute_url())
    assert of_type(nodes, "Event")[0]["name"] == HOSTILE
    assert of_type(nodes, "Claim")[0]["text"] == HOSTILE
