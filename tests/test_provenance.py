"""Provenance: highlighted source texts, excerpts in context, and corroboration counts."""

import html
import itertools
import random
from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import make_citation, make_event, make_outlet, make_source, make_statement
from timeline.dates import parse_period
from timeline.highlight import KIND_ORDER, MAX_MARKS, Span, highlight, in_context, safe_url
from timeline.models import DateMention, Event, Review, Stance

TIMELINE = reverse("timeline")

ARTICLE = (
    "WASHINGTON, Nov. 2, 2022 — The White House said on Wednesday that North Korea is covertly "
    "supplying artillery shells.\n\n"
    "“We have information that the DPRK is covertly supplying,” John Kirby said on 2 November.\n\n"
    "Pyongyang denied it on 8 Nov 2022. Rail cars crossed on 18 November."
)


class MarkCollector(HTMLParser):
    """The text inside each <mark>, its attributes, and whether the markup is balanced."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.text = [], [], []
        self.open_tags = []

    def handle_starttag(self, tag, attrs):
        self.open_tags.append(tag)
        if tag == "mark":
            self.stack.append({"attrs": dict(attrs), "text": []})

    def handle_endtag(self, tag):
        assert self.open_tags and self.open_tags[-1] == tag, f"unbalanced </{tag}>"
        self.open_tags.pop()
        if tag == "mark":
            mark = self.stack.pop()
            mark["text"] = "".join(mark["text"])
            self.marks.append(mark)

    def handle_data(self, data):
        self.text.append(data)
        for mark in self.stack:
            mark["text"].append(data)


def parse_marks(markup: str) -> MarkCollector:
    parser = MarkCollector()
    parser.feed(markup)
    parser.close()
    assert not parser.open_tags
    return parser


def visible_text(markup: str) -> str:
    """The text without marks and without the ↗ links placed after marks that hold others."""
    parser = parse_marks(markup.replace('<span aria-hidden="true">↗</span>', ""))
    return "".join(parser.text)


def test_marks_surround_exactly_the_spans_and_text_is_escaped():
    text = 'A <b>bold</b> "claim" & more on 18 Nov 2022. <script>alert(1)</script>'
    start = text.index("18 Nov 2022")
    spans = [
        Span(start, start + 11, "mention", "2022-11-18 (day)", href="/events/x/"),
        Span(0, 13, "citation", "Cited", anchor="c1"),
        Span(text.index("<script>"), len(text), "statement", 'Who: "Denial"'),
    ]
    markup = str(highlight(text, spans))
    assert "<script>" not in markup and "<b>" not in markup
    parsed = parse_marks(markup)
    got = {m["attrs"]["data-span"]: m["text"] for m in parsed.marks}
    assert got == {f"{s.start}-{s.end}": text[s.start : s.end] for s in spans}
    assert visible_text(markup) == text
    citation = next(m for m in parsed.marks if m["attrs"].get("id") == "c1")
    assert citation["attrs"]["tabindex"] == "0"  # links nowhere, still focusable
    assert 'title="Who: &quot;Denial&quot;"' in markup


def test_overlapping_spans_nest_or_split_into_well_formed_markup():
    text = "0123456789abcdefghij"
    spans = [
        Span(0, 10, "citation", "outer", href="/e/", anchor="c1"),
        Span(2, 5, "mention", "inner", href="/e2/"),
        Span(8, 15, "statement", "crossing", anchor="s1"),
        Span(8, 15, "mention", "same span"),
        Span(30, 40, "mention", "out of range"),
        Span(5, 5, "mention", "empty"),
    ]
    markup = str(highlight(text, spans))
    parsed = parse_marks(markup)  # asserts balanced tags
    assert visible_text(markup) == text
    assert markup.count('id="s1"') == 1  # only the first piece of a split span keeps the id
    pieces = [m for m in parsed.marks if m["attrs"]["title"] == "crossing"]
    assert "".join(p["text"] for p in sorted(pieces, key=lambda p: text.index(p["text"]))) == text[8:15]
    assert "out of range" not in markup and "empty" not in markup
    assert "<a" not in markup.split('title="outer"')[1].split(">", 1)[0]  # no nested links
    assert markup.count("<a ") == markup.count("</a>")
    # Deterministic.
    assert str(highlight(text, list(reversed(spans)))) == markup


def test_in_context_gives_the_sentence_before_and_after():
    text = "First one. Second one here. Third one! Fourth."
    start = text.index("Second")
    context = in_context(text, start, start + len("Second one"))
    assert context.before == "First one. "
    assert context.passage == "Second one"
    assert context.after == " here. Third one!"
    assert in_context(text, 40, 400) is None and in_context("", 0, 1) is None


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example/", False),
        ("", False),
    ],
)
def test_safe_url(url, kept):
    assert bool(safe_url(url)) is kept


@pytest.mark.django_db
def test_source_page_highlights_mentions_statements_and_citations(client):
    event = make_event("Covert shell shipments", "2 Nov 2022")
    draft = make_event("Draft", "8 Nov 2022", status=Event.Status.DRAFT)
    source = make_source(text=ARTICLE, url="https://example.org/kirby")
    quote = "We have information that the DPRK is covertly supplying"
    q_start = ARTICLE.index(quote)
    statement = make_statement(
        event, source=source, quote=quote, start=q_start, end=q_start + len(quote), speaker_name="John Kirby"
    )
    excerpt = "North Korea is covertly supplying artillery shells."
    c_start = ARTICLE.index(excerpt)
    citation = make_citation(event, source, excerpt, start=c_start, end=c_start + len(excerpt))
    mentions = []
    for phrase, linked in (("2 November", event), ("8 Nov 2022", draft), ("18 November", None)):
        m_start = ARTICLE.index(phrase)
        mention = DateMention(
            source=source,
            start=m_start,
            end=m_start + len(phrase),
            text=phrase,
            sentence_start=0,
            sentence_end=10,
            event=linked,
        )
        mention.date = parse_period(phrase + (" 2022" if "2022" not in phrase else ""))
        mention.save()
        mentions.append(mention)
    DateMention.objects.create(
        source=source, start=0, end=10, text="WASHINGTON", sentence_start=0, sentence_end=10,
        review=Review.DISMISSED,
    )  # fmt: skip

    response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    markup = response.content.decode()
    body = markup.split('class="source__text source__text--marked">', 1)[1].split("</div>", 1)[0]
    parsed = parse_marks(body)
    by_span = {m["attrs"]["data-span"]: m for m in parsed.marks}
    expected = [(m.start, m.end) for m in mentions] + [
        (statement.start, statement.end),
        (citation.start, citation.end),
    ]
    assert sorted(by_span) == sorted(f"{a}-{b}" for a, b in expected)
    for key, mark in by_span.items():
        a, b = map(int, key.split("-"))
        assert html.unescape(mark["text"]) == ARTICLE[a:b]
    assert visible_text(body) == ARTICLE  # paragraph breaks kept (shown with white-space: pre-line)
    assert by_span[f"{mentions[0].start}-{mentions[0].end}"]["attrs"]["title"] == "2022-11-02 (day)"
    assert f'href="{event.get_absolute_url()}"' in body
    assert draft.get_absolute_url() not in body  # drafts are not linked
    assert by_span[f"{mentions[2].start}-{mentions[2].end}"]["attrs"]["tabindex"] == "0"
    assert by_span[f"{citation.start}-{citation.end}"]["attrs"]["id"] == f"c{citation.pk}"
    assert markup.count(f'id="c{citation.pk}"') == 1  # the passages list takes another id
    assert "John Kirby: Allegation" in body
    assert "WASHINGTON</mark>" not in body  # dismissed mentions are not shown


@pytest.mark.django_db
def test_source_without_text_keeps_citation_anchors_in_the_passages_list(client):
    event = make_event("Event")
    citation = make_citation(event, make_source(), "A passage.")
    markup = client.get(citation.source.get_absolute_url()).content.decode()
    assert f'<li id="c{citation.pk}">' in markup
    assert "<mark" not in markup


@pytest.mark.django_db
def test_hostile_article_is_inert_on_the_source_page(client):
    text = (
        '<script>alert("x")</script> Shells <img src=x onerror="alert(1)"> '
        '<a href="javascript:alert(2)">click</a> were sent.'
    )
    source = make_source(
        title='<img src=x onerror="alert(3)">', text=text, url="javascript:alert(4)", author="<b>me</b>"
    )
    event = make_event("Shells sent")
    start = text.index("Shells")
    make_citation(event, source, "Shells", start=start, end=start + 6)
    markup = client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert" not in markup
    assert "<img" not in markup
    assert 'href="javascript:' not in markup.lower()
    assert "&lt;script&gt;" in markup and "onerror=&quot;alert(1)&quot;" in markup


@pytest.mark.django_db
def test_event_page_shows_excerpt_in_context_and_links_to_the_mark(client):
    event = make_event("Shipments")
    text = "Officials spoke on Monday. North Korea sent shells by rail. Moscow said nothing. Later news."
    excerpt = "North Korea sent shells by rail."
    start = text.index(excerpt)
    source = make_source(text=text)
    citation = make_citation(event, source, excerpt, start=start, end=start + len(excerpt))
    plain = make_citation(event, make_source(), "No offsets here.")
    markup = client.get(event.get_absolute_url()).content.decode()
    assert (
        '<span class="citation__around">Officials spoke on Monday. </span>'
        f'<mark class="citation__passage">{excerpt}</mark>'
        '<span class="citation__around"> Moscow said nothing.</span>'
    ) in markup
    assert "Later news" not in markup
    assert f'href="{source.get_absolute_url()}#c{citation.pk}"' in markup
    assert f'href="{plain.source.get_absolute_url()}#c{plain.pk}"' in markup
    assert "<blockquote><p>No offsets here.</p></blockquote>" in markup


@pytest.mark.django_db
def test_event_page_keeps_claims_beside_denials(client):
    event = make_event("Shipments")
    make_statement(event, stance=Stance.ALLEGATION, quote="They sent shells.")
    make_statement(event, stance=Stance.DENIAL, quote="We never did.")
    markup = client.get(event.get_absolute_url()).content.decode()
    assert markup.index("They sent shells.") < markup.index("We never did.")
    assert 'class="dispute"' in markup


# Corroboration


def titles(response) -> list[str]:
    return [card.event.title for card in response.context["page"].object_list]


@pytest.fixture
def corroboration(db):
    """Events with different numbers of independent sources."""
    times, reuters = make_outlet("Times"), make_outlet("Reuters")
    one_outlet = make_event("Two articles, one outlet", "1 Sep 2022")
    make_citation(one_outlet, make_source(outlet=times))
    make_citation(one_outlet, make_source(outlet=times))
    copies = make_event("Original and its copies", "2 Sep 2022")
    original = make_source()  # no outlet: counts as itself
    make_citation(copies, original)
    make_citation(copies, make_source(outlet=reuters, duplicate_of=original))
    make_citation(copies, make_source(duplicate_of=original))
    two = make_event("Two outlets", "3 Sep 2022")
    make_citation(two, make_source(outlet=times))
    make_citation(two, make_source(outlet=reuters))
    three = make_event("Three independent", "4 Sep 2022")
    copy_of_times = make_source(duplicate_of=make_source(outlet=times))
    make_citation(three, copy_of_times)
    make_citation(three, make_source(outlet=reuters))
    make_citation(three, make_source())
    make_event("No sources", "5 Sep 2022")
    return {"one_outlet": one_outlet, "copies": copies, "two": two, "three": three}


def test_independent_counts_collapse_duplicates_and_same_outlet(client, corroboration):
    counts = {e.title: e.independent_source_count for e in Event.objects.for_timeline()}
    assert counts == {
        "Two articles, one outlet": 1,
        "Original and its copies": 1,
        "Two outlets": 2,
        "Three independent": 3,
        "No sources": 0,
    }
    assert titles(client.get(TIMELINE, {"single_source": "1"})) == [
        "Two articles, one outlet",
        "Original and its copies",
    ]
    assert titles(client.get(TIMELINE, {"min_sources": "2"})) == ["Two outlets", "Three independent"]
    assert titles(client.get(TIMELINE, {"min_sources": "3"})) == ["Three independent"]
    assert len(titles(client.get(TIMELINE, {"min_sources": "1"}))) == 4


def test_sql_counts_agree_with_python_counts_on_the_seed(client, seeded):
    events = list(Event.objects.published().for_timeline())
    for n in (1, 2, 3):
        expected = [e.title for e in events if e.independent_source_count >= n]
        assert titles(client.get(TIMELINE, {"min_sources": n, "page_size": 500})) == expected
    expected = [e.title for e in events if e.independent_source_count == 1]
    assert titles(client.get(TIMELINE, {"single_source": 1, "page_size": 500})) == expected


@pytest.mark.parametrize(
    "params", [{"min_sources": "abc"}, {"min_sources": "0"}, {"min_sources": "-3"}, {"single_source": "yes"}]
)
def test_invalid_corroboration_filters_are_form_errors(client, corroboration, params):
    response = client.get(TIMELINE, params)
    assert response.status_code == 200
    assert len(titles(response)) == 5  # ignored
    assert 'class="form-errors"' in response.content.decode()


def test_corroboration_filter_keeps_a_fixed_number_of_queries(
    client, corroboration, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get(TIMELINE, {"min_sources": "2"})
    for i in range(10):
        event = make_event(f"More {i}", "6 Sep 2022")
        make_citation(event, make_source(outlet=make_outlet()))
        make_citation(event, make_source(outlet=make_outlet()))
    with django_assert_max_num_queries(12):
        response = client.get(TIMELINE, {"min_sources": "2"})
    assert len(titles(response)) == 12


# --- Large and hostile texts -------------------------------------------------------------------


def random_spans(rng, size, count):
    kinds = list(KIND_ORDER)
    spans = []
    for n in range(count):
        start = rng.randrange(size)
        end = min(size, start + rng.randint(1, size // 2))
        spans.append(Span(start, end, rng.choice(kinds), f"s{n}", href=rng.choice(["", "/e/"]), key=n))
    return spans


@pytest.mark.parametrize("seed", range(40))
def test_overlapping_spans_always_give_well_formed_marks_covering_each_span(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <&>\n") for _ in range(60))
    spans = random_spans(rng, len(text), 12)
    markup = str(highlight(text, spans))
    parsed = parse_marks(markup)  # asserts balanced tags
    assert visible_text(markup) == text
    for span in spans:
        pieces = sorted(
            (*map(int, m["attrs"]["data-span"].split("-")), m["text"].replace("↗", ""))
            for m in parsed.marks
            if m["attrs"]["title"] == span.title
        )
        # The pieces of a span follow each other and hold exactly its characters.
        assert pieces[0][0] == span.start and pieces[-1][1] == span.end
        assert all(left[1] == right[0] for left, right in itertools.pairwise(pieces))
        assert all(text[a:b] == inside for a, b, inside in pieces)


def test_same_characters_put_the_kind_that_goes_outside_outside_after_a_split():
    text = "0123456789abcdefghij"
    spans = [
        Span(0, 10, "statement", "outer"),
        Span(5, 15, "mention", "mention"),  # split at 10; its second piece covers 10-15
        Span(10, 15, "citation", "citation"),
    ]
    markup = str(highlight(text, spans))
    assert markup.index('title="citation"') < markup.index('data-span="10-15"')


def test_highlighting_does_work_in_proportion_to_n_log_n(monkeypatch):
    calls = 0
    sort_key = Span.sort_key

    def counted(span):
        nonlocal calls
        calls += 1
        return sort_key(span)

    monkeypatch.setattr(Span, "sort_key", counted)
    n = 4000
    text = "May 2022. " * n
    spans = [Span(i * 10, i * 10 + 8, "mention", "May 2022", key=i) for i in range(n)]
    spans += [Span(i * 10, i * 10 + 40, "statement", "quote", key=i) for i in range(0, n - 4, 7)]
    markup = str(highlight(text, spans, limit=len(spans) * 2))
    assert markup.count("<mark") >= len(spans)
    # Sorting once and a heap: a few keys per span (re-sorting what remains for every span, as
    # before, computed millions).
    assert calls < 10 * len(spans)


def test_a_text_gets_at_most_the_limit_of_marks_cited_passages_first():
    text = "May 2022. " * 30
    spans = [Span(i * 10, i * 10 + 8, "mention", f"m{i}", key=i) for i in range(30)]
    spans.append(Span(290, 298, "citation", "cited", anchor="c1"))
    marked = highlight(text, spans, limit=10)
    parsed = parse_marks(str(marked))
    assert len(parsed.marks) == 10
    assert "c1" in marked.anchors and 'id="c1"' in str(marked)
    assert [m["attrs"]["title"] for m in parsed.marks if m["attrs"]["title"] != "cited"] == [
        f"m{i}" for i in range(9)
    ]
    assert marked.left_out == 21
    assert visible_text(str(marked)) == text
    assert highlight(text, spans, limit=100).left_out == 0


@pytest.mark.django_db
def test_source_page_marks_at_most_max_marks_and_says_how_many_it_left_out(client):
    source = make_source(text="May 2022. " * (MAX_MARKS + 5))
    event = make_event("Cited")
    end = len(source.text)
    citation = make_citation(event, source, "May 2022.", start=end - 10, end=end - 1)
    DateMention.objects.bulk_create(
        DateMention(
            source=source, start=i * 10, end=i * 10 + 8, text="May 2022", sentence_start=i * 10,
            sentence_end=i * 10 + 9, date_start=date(2022, 5, 1), date_end=date(2022, 5, 31),
        )
        for i in range(MAX_MARKS + 5)
    )  # fmt: skip
    markup = client.get(source.get_absolute_url()).content.decode()
    body = markup.split('class="source__text source__text--marked">', 1)[1].split("</div>", 1)[0]
    assert body.count("<mark") == MAX_MARKS
    assert f'id="c{citation.pk}"' in body  # the cited passage, last in the text, is still marked
    # Five mentions never read, one more left for the citation.
    assert f"the first {MAX_MARKS} are marked" in markup and "and 6 more are not" in markup


@pytest.mark.django_db
def test_source_page_without_too_many_marks_has_no_note(client):
    source = make_source(text=ARTICLE)
    assert "more are not" not in client.get(source.get_absolute_url()).content.decode()
