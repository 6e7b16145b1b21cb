"""The query strings the pages, the exports, the feed and the chart read and write: links without
empty fields, the key that names a filter in the cache, and the 400 answer to invalid parameters;
and the paths of the pages they link to."""

import functools
from functools import wraps

from django.http import JsonResponse
from django.urls import get_script_prefix, reverse

# Stands for a page's one argument (a slug or a primary key) in its reversed URL.
_KEY = "1234567890"


def page_path(name: str, key) -> str:
    """The path of the page ``name`` for its one argument ``key`` (a slug or a primary key): one
    reverse() per kind of page, not one per link of an export or a page of cards."""
    return _page_pattern(name, get_script_prefix()).replace(_KEY, str(key))


def page_paths(name: str):
    """``page_path`` for many keys of the page ``name``: the pattern looked up once."""
    head, tail = _page_pattern(name, get_script_prefix()).split(_KEY)
    return lambda key: f"{head}{key}{tail}"


@functools.cache
def _page_pattern(name: str, prefix: str) -> str:
    return reverse(name, args=[_KEY])


def clean_query(query, drop=("page",)) -> str:
    """``query`` URL-encoded without empty values and without the parameters in ``drop``."""
    kept = query.copy()
    for key in list(kept):
        values = [value for value in kept.getlist(key) if value.strip()]
        if key in drop or not values:
            del kept[key]
        else:
            kept.setlist(key, values)
    return kept.urlencode()


def with_query(path: str, query, drop=("page",)) -> str:
    """``path`` followed by ``query`` as ``clean_query`` writes it (no "?" when nothing is left), so a
    copied link reads "?thread=…" and not "?q=&thread=…"."""
    kept = clean_query(query, drop)
    return f"{path}?{kept}" if kept else path


def filter_key(query, ignore=("page", "page_size")) -> str:
    """The parameters of a request that decide its matching rows, in a fixed order."""
    pairs = sorted((key, value) for key, values in query.lists() if key not in ignore for value in values)
    return "&".join(f"{key}={value}" for key, value in pairs if value.strip())


class InvalidParameters(Exception):
    """Query parameters a form refused; ``errors`` maps each parameter to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def validated(form):
    """``form`` (or a filter set, by its form) once it is valid, else ``InvalidParameters`` with its
    errors. An unbound form or filter set (no parameters at all) is valid."""
    checked = getattr(form, "form", form)
    if checked.is_bound and not checked.is_valid():
        raise InvalidParameters({name: [str(e) for e in errors] for name, errors in checked.errors.items()})
    return form


def rejects_invalid_parameters(view):
    """A data view (an export, the feed) answers invalid parameters with 400 and the errors as JSON,
    never a 500 and never a silently unfiltered answer."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except InvalidParameters as invalid:
            return JsonResponse({"errors": invalid.errors}, status=400)

    return wrapper
