"""Full page or fragment: each page view declares, in one map beside it, which partial of its template
an HTMX request gets for its HX-Target (the ``for_htmx`` pattern of django-htmx-patterns)."""

from dataclasses import dataclass
from functools import wraps

from django.http import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url

from timeline.querystrings import with_query

# Every request header the choice below reads: a cache must not give one answer for another.
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Boosted", "HX-History-Restore-Request")


@dataclass(frozen=True)
class Partial:
    """A partial of the view's template; ``push_url`` puts the page's address (without empty fields)
    in the browser's address bar and history, for a swap that changes what the page shows."""

    name: str
    push_url: bool = False


def chosen_partial(request, targets: dict[str, Partial]) -> Partial | None:
    """The partial ``targets`` gives this request, or None for the full page.

    A key matches the HX-Target it equals; a key ending in "*" matches every target that starts with
    the rest ("*" alone: any HTMX swap). The first match in declared order wins. A boosted link and a
    history restore need the whole page, whatever their target.
    """
    htmx = request.htmx
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return None
    target = htmx.target or ""
    for key, partial in targets.items():
        if target == key or (key.endswith("*") and target.startswith(key[:-1])):
            return partial
    return None


def for_htmx(template: str, targets: dict[str, Partial]):
    """Decorator for a page view that returns its template's context (or a response of its own, such as
    a redirect). The view is called with ``partial``, the name of the partial this request gets (None
    for the full page), so that it can leave out what only the full page shows; the decorator renders
    that partial of ``template``, or the whole of it."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            partial = chosen_partial(request, targets)
            context = view(request, *args, partial=partial.name if partial else None, **kwargs)
            if isinstance(context, HttpResponseBase):
                response = context
            else:
                response = render(request, f"{template}#{partial.name}" if partial else template, context)
                if partial and partial.push_url:
                    response = push_url(response, with_query(request.path, request.GET))
            patch_vary_headers(response, HTMX_HEADERS)
            return response

        return wrapper

    return decorator
