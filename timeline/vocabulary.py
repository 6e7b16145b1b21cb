"""The fixed vocabularies the loader, the models and the pages share: a statement's stance, where a
source's publication date came from, and where its language came from.

Each is a string enum whose members compare equal to the values stored in the database, so the loader
can produce them without the database and the models build their field choices from them (as they do
from ``timeline.dates.Precision`` and ``Modifier``). Nothing here knows about HTTP or the database.
"""

from __future__ import annotations

from enum import EnumType, StrEnum


class _VocabularyType(EnumType):
    """The enum class offers its members' values and ``(value, label)`` pairs, as Django's
    ``TextChoices`` does, so it can stand wherever choices are expected."""

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class Vocabulary(StrEnum, metaclass=_VocabularyType):
    """A string enum whose members carry a human label: ``NAME = "value", "Label"`` (the label defaults
    to the value capitalised)."""

    label: str

    def __new__(cls, value: str, label: str | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label if label is not None else value.capitalize()
        return member


class Stance(Vocabulary):
    """What a statement does with the story's claim."""

    ALLEGATION = "allegation"
    DENIAL = "denial"
    CONFIRMATION = "confirmation"
    ASSESSMENT = "assessment"


class DateSource(Vocabulary):
    """Where a source's publication date came from."""

    GIVEN = "given", "Given by the curator"
    METADATA = "metadata", "Document metadata"
    DATELINE = "dateline", "Dateline or timestamp in the text"
    CONTENT = "content", "Worked out from the content"
    UNKNOWN = "unknown", "Unknown"


class LanguageSource(Vocabulary):
    """Where a source's language came from."""

    GIVEN = "given", "Given by the curator"
    METADATA = "metadata", "Document metadata"
    DETECTED = "detected", "Detected from the text"
