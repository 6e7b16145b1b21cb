"""The shared vocabularies (timeline.vocabulary): one enum per concept, from the loader to the models."""

from datetime import date

from timeline.ingest.published import determine_published
from timeline.ingest.statements import classify_stance
from timeline.models import Source, Statement
from timeline.vocabulary import DateSource, Stance


def test_the_models_choices_are_built_from_the_enums():
    assert Statement._meta.get_field("stance").choices == Stance.choices
    assert Source._meta.get_field("published_source").choices == DateSource.choices
    assert Source._meta.get_field("published_source").default == DateSource.UNKNOWN


def test_members_are_their_stored_strings_with_labels():
    assert Stance("denial") is Stance.DENIAL and Stance.DENIAL == "denial"
    assert Stance.DENIAL.label == "Denial"  # the label defaults to the value capitalised
    assert DateSource.DATELINE.label == "Dateline or timestamp in the text"
    assert Stance.values == ["allegation", "denial", "confirmation", "assessment"]


def test_the_loader_speaks_the_same_vocabulary():
    assert classify_stance("We have never exported weapons to Russia", "said") is Stance.DENIAL
    assert (
        determine_published("Shells crossed the border.", given=date(2022, 11, 2)).source is DateSource.GIVEN
    )
    assert determine_published("Shells crossed the border.").source is DateSource.UNKNOWN
