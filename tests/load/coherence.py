"""Cache coherence across app servers: a curator unpublishes and republishes an event through the
admin on node A, and node B's very next request for a timeline view it has just served (and so
cached, in the cache both share) must follow each change.

    python tests/load/coherence.py http://127.0.0.1:8100 http://127.0.0.1:8101

Run with the servers' environment (DJANGO_SETTINGS_MODULE, DATABASE_URL, CACHE_URL): it makes a
throwaway superuser in their database for the admin login, and removes it at the end. Prints one
LOAD line; exits non-zero when node B shows the event in the wrong state.
"""

import os
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]

# The servers sit behind TLS in production; this header tells them the request came over it.
HTTPS = {"X-Forwarded-Proto": "https"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies and CSRF tokens as a browser keeps them for one site (the session and CSRF cookies
    are marked Secure, which urllib's cookie jar would not send over plain HTTP)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {**HTTPS, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Origin"] = "https://" + urllib.parse.urlsplit(self.base).netloc
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # a redirect (not followed) or an error
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value
        return response.status, response.read().decode()

    def csrf_token(self, path: str) -> str:
        status, html = self.request(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if status != 200 or not match:
            sys.exit(f"coherence: no form at {self.base}{path} (status {status})")
        return match.group(1)

    def log_in(self, username: str, password: str) -> None:
        form = {"username": username, "password": password, "next": "/admin/"}
        token = self.csrf_token("/admin/login/")
        status, _ = self.request("/admin/login/", {**form, "csrfmiddlewaretoken": token})
        if status != 302:
            sys.exit(f"coherence: the admin login on {self.base} failed (status {status})")

    def event_action(self, action: str, pk: int) -> None:
        """An admin action on one event from the event list, as the curator's form sends it."""
        path = "/admin/timeline/event/"
        form = {"action": action, "_selected_action": pk, "index": 0, "select_across": 0}
        status, _ = self.request(path, {**form, "csrfmiddlewaretoken": self.csrf_token(path)})
        if status != 302:
            sys.exit(f"coherence: {action} on {self.base} answered {status}")


def shown(base: str, path: str, link: str) -> tuple[int, bool]:
    """The count of matching events a timeline view gives, and whether it links to the event."""
    request = urllib.request.Request(base + path, headers=HTTPS)
    with urllib.request.urlopen(request, timeout=30) as response:
        html = response.read().decode()
    count = re.search(r"(\d+) matching events?\b", html)
    return int(count.group(1)) if count else 0, link in html


def main(node_a: str, node_b: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings.production")
    django.setup()
    import redis
    from django.contrib.auth import get_user_model

    from timeline.models import Event

    events = Event.objects.published().filter(merged_into__isnull=True, thread__isnull=False)
    event = events.exclude(date_start=None).select_related("thread").order_by("pk").first()
    if event is None:
        sys.exit("coherence: no published event with a thread and a date in the database")
    link = f'href="{event.get_absolute_url()}"'
    # The events of its thread on its first day: few enough for one page.
    day = event.date_start.isoformat()
    query = {"thread": event.thread.slug, "date_from": day, "date_to": day, "page_size": 500}
    view = "/?" + urllib.parse.urlencode(query)

    username, password = f"coherence-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
    get_user_model().objects.create_superuser(username, f"{username}@example.org", password)
    checks = {}
    try:
        curator = Browser(node_a)
        curator.log_in(username, password)
        for _ in range(2):  # node B computes the view, then serves it from the cache
            count, linked = shown(node_b, view, link)
        checks["shown on B before"] = linked
        curator.event_action("unpublish", event.pk)
        checks["gone from B after unpublishing on A"] = shown(node_b, view, link) == (count - 1, False)
        curator.event_action("publish", event.pk)
        checks["back on B after publishing on A"] = shown(node_b, view, link) == (count, True)
    finally:
        get_user_model().objects.filter(username=username).delete()
        Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED)

    cache_url = os.environ.get("CACHE_URL", "")
    shared = redis.Redis.from_url(cache_url).dbsize() if cache_url else 0
    coherent = all(checks.values())
    failed = ", ".join(name for name, ok in checks.items() if not ok)
    print(
        f"LOAD coherence event={event.slug} coherent={'yes' if coherent else 'no'}"
        f"{'' if coherent else f' failed={failed!r}'} shared_cache_keys={shared}"
    )
    if not coherent:
        sys.exit(1)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(*sys.argv[1:3])
