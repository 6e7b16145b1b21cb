"""Citations and statements as W3C Web Annotations, and finding them again when a source's text is
loaded again with edits: exact, approximate with bounded errors, or flagged for a curator."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_citation, make_event, make_source, make_statement
from tests.seeds import seed_path
from timeline.anchoring import CONTEXT_CHARS, TextQuote, reanchor
from timeline.models import Anchoring, Citation, Review, Source, Stance

TEXT = (
    "Rail cars crossed the border on Friday, officials said. Pyongyang denied the report. "
    "Satellite images showed the trains at Tumangang. Officials said the shipments continued."
)


def quote_of(words: str, text: str = TEXT) -> TextQuote:
    start = text.index(words)
    return TextQuote.in_text(text, start, start + len(words))


# --- Selectors and re-anchoring (no database) ---------------------------------------------------


def test_a_quote_gives_its_words_context_and_offsets_as_web_annotation_selectors():
    quote = quote_of("Pyongyang denied the report.")
    start = TEXT.index("Pyongyang")
    assert quote.selectors() == [
        {
            "type": "TextQuoteSelector",
            "exact": "Pyongyang denied the report.",
            "prefix": TEXT[start - CONTEXT_CHARS : start],
            "suffix": TEXT[start + 28 : start + 28 + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": start + 28},
    ]
    assert TextQuote("words only").selectors() == [{"type": "TextQuoteSelector", "exact": "words only"}]


def test_an_unchanged_quote_is_found_at_its_new_place():
    quote = quote_of("Satellite images showed the trains at Tumangang.")
    edited = "An editor's note was added at the top.\n\n" + TEXT
    anchor = reanchor(quote, edited)
    assert anchor.is_exact and edited[anchor.start : anchor.end] == quote.exact
    assert anchor.start == quote.start + len("An editor's note was added at the top.\n\n")


def test_of_two_identical_quotes_the_context_picks_the_right_one():
    quote = quote_of("Officials said the shipments continued.")
    edited = TEXT.replace("Pyongyang denied", "Officials said the shipments continued. Pyongyang denied")
    anchor = reanchor(quote, edited)
    assert anchor.start == edited.rindex("Officials said the shipments continued.")


def test_an_edited_quote_is_found_approximately_with_its_new_words():
    quote = quote_of("Satellite images showed the trains at Tumangang.")
    edited = TEXT.replace("showed the trains at Tumangang", "showed the train at Tumangang station")
    anchor = reanchor(quote, edited)
    assert anchor is not None and not anchor.is_exact
    assert anchor.exact.startswith("Satellite images showed the train at Tumangang")
    assert anchor.score > 0.8


@pytest.mark.parametrize(
    "edited",
    [
        TEXT.replace("Satellite images showed the trains at Tumangang. ", ""),  # the passage is gone
        TEXT.replace(
            "Satellite images showed the trains at Tumangang.", "Imagery later proved inconclusive."
        ),
        "A different article altogether, about fishing quotas in the Baltic Sea.",
    ],
    ids=["removed", "rewritten", "other text"],
)
def test_a_quote_that_is_gone_is_not_pointed_at_other_words(edited):
    assert reanchor(quote_of("Satellite images showed the trains at Tumangang."), edited) is None


def test_two_equally_good_places_are_ambiguous():
    repeated = "Officials said. " * 6
    quote = TextQuote("Officials said.")  # no context to tell them apart
    assert reanchor(quote, repeated) is None


# --- Annotations in the API ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_gives_each_citation_and_statement_as_an_annotation_of_its_source(client):
    event = make_event("Rail cars cross")
    source = make_source("Rail report", url="https://example.org/rail", text=TEXT)
    cited = quote_of("Satellite images showed the trains at Tumangang.")
    citation = make_citation(event, source, cited.exact, start=cited.start, end=cited.end)
    denied = quote_of("Pyongyang denied the report.")
    make_statement(
        event, stance=Stance.DENIAL, quote=denied.exact, source=source, start=denied.start, end=denied.end
    )
    make_citation(event, make_source("No text"), "An excerpt without offsets.")

    (row,) = client.get(reverse("events_json")).json()["results"]
    by_words = {c["excerpt"]: c["annotation"] for c in row["citations"]}
    annotation = by_words[cited.exact]
    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert annotation["type"] == "Annotation"
    assert annotation["id"] == f"http://testserver{source.get_absolute_url()}#c{citation.pk}"
    assert annotation["body"]["source"] == f"http://testserver{event.get_absolute_url()}"
    assert annotation["target"] == {"source": "https://example.org/rail", "selector": cited.selectors()}
    assert by_words["An excerpt without offsets."]["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "An excerpt without offsets."}
    ]
    (statement,) = row["statements"]
    assert statement["annotation"]["target"]["selector"] == denied.selectors()
    listed = client.get(reverse("statements_json")).json()["results"][0]
    assert listed["annotation"] == statement["annotation"]


# --- Reloading an edited article ----------------------------------------------------------------

SEED = "001_e537f502718dc5e8.txt"
URL = "https://example.org/newsweek-shells"


def load(path, *args):
    call_command("load_articles", str(path), "--url", URL, *args, stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def loaded_seed(seeded):
    """The seed timeline with one seed article's text stored (its curated citations anchored)."""
    load(seed_path(SEED))
    source = Source.objects.get(url=URL)
    assert source.citations.count() >= 5
    return source


@pytest.mark.django_db
def test_filling_in_a_curated_source_anchors_its_citations(loaded_seed):
    for citation in loaded_seed.citations.all():
        assert citation.anchor_status == Anchoring.EXACT
        assert loaded_seed.text[citation.start : citation.end] == citation.excerpt


@pytest.mark.django_db
def test_citations_survive_a_reload_of_the_edited_article(loaded_seed, tmp_path, admin_client):
    text = loaded_seed.text
    citations = list(loaded_seed.citations.order_by("start"))
    kept, reworded, removed = citations[0], citations[1], citations[-1]
    # The edit: a correction at the top, one cited sentence reworded a little, another cut out.
    first_word, rest = reworded.excerpt.split(" ", 1)
    changed = f"{first_word} reportedly {rest}"
    edited = text.replace(reworded.excerpt, changed).replace(removed.excerpt, "")
    title, body = edited.split("\n", 1)
    edited = f"{title}\nCorrection: an earlier version of this article misstated a date.\n{body}"
    path = tmp_path / SEED
    path.write_text(edited, encoding="utf-8")
    load(path)

    source = Source.objects.get(url=URL)
    edited = source.text  # as the loader cleaned it
    assert "misstated a date" in edited and changed in edited and removed.excerpt not in edited
    kept.refresh_from_db()
    assert kept.anchor_status == Anchoring.EXACT and edited[kept.start : kept.end] == kept.excerpt
    reworded.refresh_from_db()
    assert reworded.anchor_status == Anchoring.FUZZY
    assert edited[reworded.start : reworded.end] == reworded.excerpt
    assert reworded.excerpt == changed
    assert reworded.history.first().history_change_reason == "re-anchored after the source's text changed"
    removed.refresh_from_db()
    assert removed.anchor_status == Anchoring.LOST and removed.start is None
    for citation in source.citations.exclude(anchor_status=Anchoring.LOST):
        assert edited[citation.start : citation.end] == citation.excerpt  # never the wrong words

    # The lost one is in the curators' review queue.
    home = admin_client.get(reverse("admin:index")).content.decode()
    queue = reverse("admin:timeline_citation_changelist") + "?anchor_status__exact=lost"
    assert queue.replace("&", "&amp;") in home or queue in home
    listed = admin_client.get(queue).content.decode()
    assert Citation.objects.to_check().get() == removed
    assert f"/admin/timeline/citation/{removed.pk}/change/" in listed


@pytest.mark.django_db
def test_reviewed_statements_follow_an_edit_and_pending_ones_are_found_afresh(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Rail report\n" + TEXT, encoding="utf-8")
    load(first)
    source = Source.objects.get(url=URL)
    denied = quote_of("Pyongyang denied the report.", source.text)
    statement = make_statement(
        stance=Stance.DENIAL, quote=denied.exact, source=source, start=denied.start, end=denied.end
    )
    first.write_text(
        "Rail report\nAn editor's note: this report was corrected on Saturday.\n" + TEXT, encoding="utf-8"
    )
    load(first)
    statement.refresh_from_db()
    assert statement.review == Review.ACCEPTED and statement.anchor_status == Anchoring.EXACT
    assert Source.objects.get(url=URL).text[statement.start : statement.end] == "Pyongyang denied the report."
