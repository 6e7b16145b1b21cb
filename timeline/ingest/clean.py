"""Remove the boilerplate scraped articles carry, without touching the article's own sentences.

Rules are general, judged per line (a line is a paragraph in scraped text):

- stray inline HTML tags (``<strong></strong>``, ``<br>``) and character entities are removed or decoded;
- a whole short line that is a site prompt is dropped: newsletter and comment prompts, "Leave a
  Comment", "Your email address will not be published", AI-voice banners, "Read more", share and
  follow prompts, "Advertisement", copyright notices, tag lists, a line that is only a timestamp, a
  short line in another script than the article (a scraper's signature);
- an author blurb is dropped with its heading ("About the writer" and the paragraph after it), as is
  any paragraph that ends in a "… Read more" teaser;
- a donation or subscription appeal in the last part of the article is dropped with its heading;
- a paragraph repeated verbatim (a photo caption shown twice) is kept once, and lines repeating the
  title are dropped.

A line is dropped only when the whole of it matches, and the phrase rules only apply to short lines, so
a sentence that merely mentions a newsletter or a comment stays. Cleaning twice changes nothing.
"""

from __future__ import annotations

import html
import re

# Inline tags scrapers leave behind; anything else that looks like a tag is left as text (and shown
# escaped), since it may be what the article is about.
_STRAY_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|mark|p|s|small|span|strong|sub|"
    r"sup|u|figure|figcaption|blockquote|center|section|article|header|footer|nav|aside|li|ul|ol|tr|td|"
    r"th|table|tbody|thead)\b[^<>]{0,300}?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\u200c": None, "\ufeff": None, "\u2060": None})
_SPACES = re.compile(r"[ \t\f\v]+")

_SHORT_LINE_WORDS = 30
# Icons and bullets before a prompt ("🔊 Listen to this article", "» Read more").
_LEADING_SYMBOLS = re.compile(r"^[^\w©(\"“'‘\[]+")
_PROMPT_PATTERNS = [
    # Newsletter, subscription and alert prompts.
    r"(?:sign up|subscribe|join|get|receive|register|don'?t miss|never miss|want more"
    r"|stay (?:informed|updated|up to date))\b"
    r".*\b(?:newsletters?|inbox|briefings?|alerts|updates|mailing list|readers)\b.*",
    r"subscribe(?: now| today| here)?[.!]?",
    # Comment prompts.
    r"(?:leave|post|add|write) a (?:comment|reply)\b.*",
    r"(?:show|view|hide|load|read) (?:all )?(?:\d+ )?comments?\b.*",
    r"\d+ comments?",
    r"comments?(?: \(\d+\))?:?",
    r"join the (?:conversation|discussion|debate)\b.*",
    r"have your say\b.*",
    r".*\byour email address will not be published\b.*",
    r".*\brequired fields are marked\b.*",
    r"listen to (?:this|the) (?:article|story)\b.*",
    # Reading, sharing and navigation prompts: a label alone, or a label and a colon before a link.
    r"(?:read|see|view) (?:more|also|next|the full (?:story|article))(?:\s*[:»>…|].{0,120}|\W*)",
    r"continue reading\W*",
    r"(?:related|recommended|trending|most read|more from [\w ]{1,40}|more on this|popular)"
    r"(?: (?:articles?|stories|news|coverage|content|reading|for you))?(?:\s*[:»>|].{0,120}|\W*)",
    r"advertisement|sponsored(?: content)?|story continues below(?: advertisement)?",
    r"skip to (?:main )?content",
    r"(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page))?(?: (?:on|via|with) .{0,40})?",
    r"(?:follow|like) us on\b.*",
    r"click here\b.*",
    r"(?:tags|topics|filed under|categories|keywords)\s*:.*",
    # Copyright notices.
    r"(?:©|\(c\)).*",
    r"copyright\s*(?:©|\(c\))?\s*\d{4}\b.*",
    r".*\ball rights reserved\b.*",
]
_PROMPT = re.compile("|".join(f"(?:{pattern})" for pattern in _PROMPT_PATTERNS), re.IGNORECASE)
# AI-voice and audio-player banners: checked on very short lines only, since articles discuss AI too.
_BANNER = re.compile(
    r".*\b(?:ai\b.*\b(?:voiced?|audio|narrat\w*|generated)|(?:voice|audio|narration)\b.*\bai)\b.*"
    r"|.*\binconsistencies may occur\b.*",
    re.IGNORECASE,
)
_BANNER_MAX_WORDS = 12
_AUTHOR_HEADING = re.compile(
    r"about (?:the )?(?:authors?|writers?|reporters?|journalists?|contributors?|columnists?)\s*:?",
    re.IGNORECASE,
)
_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*read (?:more|full bio)\W*$", re.IGNORECASE)
_APPEAL_CUES = re.compile(
    r"\b(?:support(?:ing)? us|support our|your support|donat(?:e|ion|ions|ing)|contribut(?:e|ion)|"
    r"become a (?:member|subscriber|supporter|patron)|subscri(?:be|ption)|journalism|for free|ad-free|"
    r"paywall|one more minute|help us)\b",
    re.IGNORECASE,
)
_APPEAL_MIN_CUES = 2
# Appeals close an article: only the last part of it is searched.
_APPEAL_TAIL_SHARE = 0.4
_HEADING_MAX_WORDS = 12
_ADDRESSES_READER = re.compile(r"\b(?:us|you|your)\b", re.IGNORECASE)

_DATE_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|utc|gmt|kst|est|edt|cet|cest|bst|pst|pdt|"
    r"published|updated|posted|last|modified|date|time|on|at"
)
_TIMESTAMP_TOKEN = re.compile(
    rf"(?<=\d)(?:st|nd|rd|th|t|z)|\b(?:{_DATE_WORDS})\b|\d+|[\s\-–—:/.,|()+]", re.IGNORECASE
)
_TIMESTAMP_MAX_CHARS = 80
# One number, and it a year: at most a month's name besides ("1991", "March 2003:").
_YEAR_HEADING = re.compile(r"(?:[^\W\d_]+\.?\s+)?(?:1[5-9]|20)\d\d\s*[:.–—-]?")
# Latin letters: ASCII, Latin-1 (without × and ÷), Latin Extended-A and -B.
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_FOREIGN_LINE_MAX_CHARS = 40
_REPEAT_MIN_WORDS = 8


def clean_text(text: str, title: str = "") -> str:
    """``text`` without scraped boilerplate, with lines repeating ``title`` dropped.

    Paragraph breaks are kept (runs of blank lines become one); spaces inside a line are collapsed."""
    lines = [_clean_line(line) for line in _normalise(text).split("\n")]
    latin_article = _mostly_latin(" ".join(lines))
    keep = [not _is_prompt(line, latin_article) for line in lines]
    _drop_author_blurbs(lines, keep)
    _drop_appeals(lines, keep)
    _drop_repeats(lines, keep, title)
    return _join([line for line, kept in zip(lines, keep, strict=True) if kept])


def _normalise(text: str) -> str:
    text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)


def _clean_line(line: str) -> str:
    line = _STRAY_TAG.sub("", line)
    return _SPACES.sub(" ", line).strip()


def _words(line: str) -> int:
    return len(line.split())


def _is_prompt(line: str, latin_article: bool) -> bool:
    if not line or _words(line) > _SHORT_LINE_WORDS:
        return False
    bare = _LEADING_SYMBOLS.sub("", line)
    return bool(
        _PROMPT.fullmatch(bare)
        or (_words(line) <= _BANNER_MAX_WORDS and _BANNER.fullmatch(bare))
        or _TEASER_END.search(line)
        or _is_timestamp(line)
        or (latin_article and _is_foreign_signature(line))
    )


def _is_timestamp(line: str) -> bool:
    """A line that is only a date or time, with at most a label ("Updated: 2024-05-28 22:33"); not a
    year alone ("1991", "March 2003:"), which heads the entries of a pasted timeline."""
    if len(line) > _TIMESTAMP_MAX_CHARS or not any(char.isdigit() for char in line):
        return False
    if _YEAR_HEADING.fullmatch(line):
        return False
    return not _TIMESTAMP_TOKEN.sub("", line)


def _is_foreign_signature(line: str) -> bool:
    """A short line in another script than the (Latin-script) article, like "(作者:汽车电瓶)"."""
    return len(line) <= _FOREIGN_LINE_MAX_CHARS and not _mostly_latin(line)


def _mostly_latin(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return not letters or len(_LATIN_LETTER.findall(text)) > letters / 2


def _drop_author_blurbs(lines: list[str], keep: list[bool]) -> None:
    """ "About the writer" and the paragraph that follows it."""
    for index, line in enumerate(lines):
        if line and _AUTHOR_HEADING.fullmatch(line):
            keep[index] = False
            following = _next_content(lines, index)
            if following is not None:
                keep[following] = False


def _drop_appeals(lines: list[str], keep: list[bool]) -> None:
    """Donation and subscription appeals near the end, with the short heading that introduces them."""
    content = [index for index, line in enumerate(lines) if line]
    tail_start = content[int(len(content) * (1 - _APPEAL_TAIL_SHARE))] if content else 0
    for index in range(tail_start, len(lines)):
        cues = {cue.lower() for cue in _APPEAL_CUES.findall(lines[index])}
        if len(cues) < _APPEAL_MIN_CUES or not _ADDRESSES_READER.search(lines[index]):
            continue
        keep[index] = False
        heading = _previous_content(lines, index)
        if heading is not None and _is_appeal_heading(lines[heading]):
            keep[heading] = False


def _is_appeal_heading(line: str) -> bool:
    return (
        _words(line) <= _HEADING_MAX_WORDS and not line.endswith(".") and bool(_ADDRESSES_READER.search(line))
    )


def drop_title_repeats(text: str, title: str) -> str:
    """``text`` as ``clean_text`` gave it, without the lines repeating ``title``: what cleaning it
    again knowing its title would drop, when the title is found in the cleaned text."""
    if not title.strip():
        return text
    key = _comparable(title)
    return _join([line for line in text.split("\n") if not line or _comparable(line) != key])


def _drop_repeats(lines: list[str], keep: list[bool], title: str) -> None:
    """Keep the first of paragraphs repeated verbatim (captions) and drop lines repeating the title."""
    seen = {_comparable(title)} if title.strip() else set()
    for index, line in enumerate(lines):
        if not keep[index] or not line:
            continue
        key = _comparable(line)
        if key in seen:
            keep[index] = False
        elif _words(line) >= _REPEAT_MIN_WORDS:
            seen.add(key)


def _comparable(line: str) -> str:
    return " ".join(_clean_line(line).casefold().split())


def _next_content(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if lines[i]), None)


def _previous_content(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index - 1, -1, -1) if lines[i]), None)


def _join(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
