"""The TimeML reader and the TempEval-style scorer, on small hand-made documents."""

import json
from datetime import date

import pytest

from timeline.ingest import evaluate
from timeline.ingest.evaluate import Prediction, Tally, floor_failures, floor_value, score_document
from timeline.ingest.timeml import Timex, read_timeml

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">19980807\
</TIMEX3></DCT>
<TITLE>Blasts &amp; aftermath</TITLE>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, \
officials <EVENT eid="e2" class="REPORTING">said</EVENT> <SIGNAL sid="s1">after</SIGNAL> \
<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> of AT&amp;T talks \
in <TIMEX3 tid="t3" type="DATE" value="1998-SU" mod="START">early summer</TIMEX3> and \
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_joins_text_and_places_timexes_exactly():
    document = read_timeml(DOCUMENT)
    assert document.doc_id == "TEST0001"
    assert document.title == "Blasts & aftermath"
    assert document.dct == date(1998, 8, 7)
    assert "<" not in document.text and "AT&T" in document.text
    assert [t.text for t in document.timexes] == ["Friday", "two days", "early summer", "now"]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    assert document.timexes[2] == Timex(
        document.timexes[2].start, document.timexes[2].end, "early summer", "DATE", "1998-SU", "START"
    )


def test_reader_reads_a_file(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(DOCUMENT, encoding="utf-8")
    assert read_timeml(path).text == read_timeml(DOCUMENT).text


def _timex(start, end, type_="DATE", value="1998-08-07"):
    return Timex(start, end, "x" * (end - start), type_, value)


def test_scorer_counts_overlap_and_value():
    gold = [_timex(0, 6), _timex(10, 20, value="1998-08"), _timex(30, 40)]
    predictions = [
        Prediction(0, 6, "1998-08-07"),
        Prediction(12, 15, "1998-08-01"),
        Prediction(50, 55, "1999"),
    ]
    tally = score_document(gold, predictions)
    assert (tally.predicted, tally.predicted_on_target) == (3, 2)
    assert (tally.targets, tally.targets_found, tally.values_correct) == (3, 2, 1)
    assert tally.precision == pytest.approx(2 / 3) and tally.recall == pytest.approx(2 / 3)
    assert tally.value_accuracy == pytest.approx(0.5)
    assert tally.value_f1 == pytest.approx(tally.f1 * 0.5)


def test_scorer_ignores_predictions_on_durations_and_vague_dates():
    gold = [
        _timex(0, 9, "DURATION", "P2D"),
        _timex(20, 23, value="PRESENT_REF"),
        _timex(30, 40, value="1989-WXX"),
    ]
    predictions = [Prediction(0, 3, "1998"), Prediction(20, 23, "1998-08-07"), Prediction(31, 33, "1989-W32")]
    tally = score_document(gold, predictions)
    assert (tally.predicted, tally.targets) == (0, 0)


def test_scorer_compares_periods_not_spellings_and_accepts_a_range_end():
    gold = [_timex(0, 5, value="2000-W7"), _timex(10, 15, value="1998-11-19")]
    predictions = [Prediction(0, 5, "2000-W07"), Prediction(8, 15, "1998-11-18", until="1998-11-19")]
    assert score_document(gold, predictions).values_correct == 2


def test_scorer_does_not_take_a_day_for_its_month():
    tally = score_document([_timex(0, 5, value="1998-08")], [Prediction(0, 5, "1998-08-07")])
    assert (tally.targets_found, tally.values_correct) == (1, 0)


def test_floor_rounds_down_and_flags_a_drop():
    assert floor_value(0.89999) == 0.899
    good, bad = (
        Tally(docs=1, predicted=1, predicted_on_target=1, targets=1, targets_found=1, values_correct=1),
        Tally(),
    )
    results = {"TimeBank": {"ours": good}, "AQUAINT": {"ours": bad}}
    failures = floor_failures(results, {"TimeBank": 0.9, "AQUAINT": 0.5})
    assert len(failures) == 1 and failures[0].startswith("AQUAINT")


def test_command_line_prints_a_table_and_honours_the_floor(tmp_path, capsys):
    (tmp_path / "Mini").mkdir()
    (tmp_path / "Mini" / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    assert evaluate.main([str(tmp_path), "--no-baseline"]) == 0
    assert "Mini" in capsys.readouterr().out
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"Mini": 1.5}))
    assert evaluate.main([str(tmp_path), "--no-baseline", "--json", "--floor", str(floor)]) == 1
    assert "Mini" in capsys.readouterr().err


def test_misses_lists_the_targets_found_with_another_value_and_those_not_found(tmp_path, capsys):
    misread = DOCUMENT.replace('value="1998-08-07">Friday', 'value="1998-07-31">Friday')
    then = '<TIMEX3 tid="t5" type="DATE" value="1998-08-06">then</TIMEX3> and <TIMEX3 tid="t4"'
    missed = misread.replace('<TIMEX3 tid="t4"', then)
    (tmp_path / "doc.tml").write_text(missed, encoding="utf-8")
    assert evaluate.main([str(tmp_path), "--no-baseline", "--misses"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("misread", "missed"))]
    assert lines[0].startswith("misread") and "'Friday' gold 1998-07-31, ours 1998-08-07" in lines[0]
    assert lines[1].startswith("missed") and "'then' gold 1998-08-06" in lines[1]
    assert len(lines) == 2
