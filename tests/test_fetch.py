"""Fetching articles by URL (``timeline.ingest.fetch``) against a local server on 127.0.0.1, which
only ``allow_loopback`` reaches: schemes, every hop's address, the byte cap, the time-out, and the
fetched page loaded through the HTML path from the admin."""

import contextlib
import errno
import http.server
import threading
import time

import pytest
from django.urls import reverse

from timeline.ingest import fetch
from timeline.ingest.fetch import FetchError, refused_address
from timeline.loading import NewInput, Options, create_run, run_load
from timeline.models import LoadInput, LoadRun, Source

PORTS = range(8130, 8140)
PAGE = (
    "<html lang='en'><head><title>Shells by rail</title>"
    "<meta property='article:published_time' content='2022-11-02'></head><body><article>"
    "<h1>Shells by rail</h1><p>Officials said on Wednesday that North Korea had shipped artillery shells "
    "to Russia by rail in September 2022, and that more shipments were expected in November 2022. "
    "The claims were denied by Pyongyang, which called them a fabrication.</p></article></body></html>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    """/page: an article; /redirect?to=URL; /big: more than the cap; /slow: answers late;
    /png: an image; /missing: 404."""

    def do_GET(self):
        # The fetcher may give up before the answer is written, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.answer()

    def answer(self):
        path, _, query = self.path.partition("?")
        if path == "/page":
            self.reply(PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query.removeprefix("to="))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap is found while reading
            for _ in range(64):
                self.wfile.write(b"x" * 1024)
        elif path == "/slow":
            time.sleep(2)
            self.reply(PAGE.encode(), "text/html")
        elif path == "/png":
            self.reply(b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/host":
            self.reply(self.headers["Host"].encode(), "text/plain")
        else:
            self.send_error(404)

    def reply(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    for port in PORTS:
        try:
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
    else:
        pytest.fail(f"no free port in {PORTS}")
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def get(url, **options):
    options = {"timeout": 1.0, "max_bytes": 16 * 1024, "allow_loopback": True, **options}
    return fetch.fetch(url, **options)


def test_a_page_is_fetched(server):
    page = get(f"{server}/page")
    assert (page.url, page.content_type, page.charset) == (f"{server}/page", "text/html", "utf-8")
    assert page.data == PAGE.encode()


def test_redirects_are_followed_and_the_final_url_kept(server):
    page = get(f"{server}/redirect?to=/page")
    assert page.url == f"{server}/page" and page.data == PAGE.encode()


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/",
    ],
)
def test_a_redirect_to_a_private_address_is_refused_before_connecting(server, target, monkeypatch):
    connected = []
    create_connection = fetch.socket.create_connection
    monkeypatch.setattr(
        fetch.socket,
        "create_connection",
        lambda address, *a: connected.append(address[0]) or create_connection(address, *a),
    )
    with pytest.raises(FetchError) as raised:
        get(f"{server}/redirect?to={target}")
    assert connected == ["127.0.0.1"]  # the first hop only
    assert str(raised.value).startswith(f"{server}/redirect?to={target}: redirected to {target}: refused: ")


def test_loopback_is_refused_unless_allowed(server):
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a loopback address"):
        get(f"{server}/page", allow_loopback=False)


def test_a_name_is_refused_when_any_of_its_addresses_is_private(monkeypatch):
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.215.14", "10.1.2.3"])
    with pytest.raises(
        FetchError, match=r"refused: news\.example resolves to 10\.1\.2\.3, a private address"
    ):
        get("https://news.example/story")


def test_the_connection_goes_to_the_address_checked_not_a_later_answer(server, monkeypatch):
    """DNS rebinding: the name resolves once per hop, and that address is the one connected to."""
    port = int(server.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])
    monkeypatch.setattr(fetch, "resolve", lambda host, port: next(answers))
    page = get(f"http://news.example:{port}/host")
    assert page.data == f"news.example:{port}".encode()  # the Host header is the URL's


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/a.txt", "only http and https URLs are fetched, not ftp"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("javascript:alert(1)", "only http and https URLs are fetched, not javascript"),
        ("example.org/a", "only http and https URLs are fetched, not no scheme"),
        ("http:///a", "no host name"),
        ("http://example.org:port/", "not a valid URL"),
    ],
)
def test_other_schemes_and_bad_urls_are_refused(url, reason):
    with pytest.raises(FetchError) as raised:
        get(url)
    assert raised.value.reason.startswith(reason) and str(raised.value).startswith(f"{url}: ")


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(FetchError, match=r"redirected to file:///etc/passwd: only http and https"):
        get(f"{server}/redirect?to=file:///etc/passwd")


def test_too_many_redirects(server):
    loop = f"{server}/redirect?to={server}/redirect?to={server}/page"
    with pytest.raises(FetchError, match="more than 1 redirects"):
        get(loop, max_redirects=1)


def test_a_body_over_the_cap_is_refused(server):
    with pytest.raises(FetchError, match=r"/big: too large \(more than the limit of 16,384 bytes\)"):
        get(f"{server}/big")


def test_a_declared_length_over_the_cap_is_refused_before_reading(server):
    with pytest.raises(FetchError, match=r"/page: too large \(\d+ bytes; the limit is 100\)"):
        get(f"{server}/page", max_bytes=100)


def test_a_slow_server_times_out(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow: timed out after 0\.5 s"):
        get(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 1.9  # gave up before the server answered


def test_an_error_status_is_reported(server):
    with pytest.raises(FetchError, match=r"/missing: HTTP 404"):
        get(f"{server}/missing")


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.0.0.1", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.0.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("100.64.0.1", "not a public address"),
        ("224.0.0.1", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("0.0.0.0", "an unspecified address"),
        ("93.184.215.14", ""),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", ""),
    ],
)
def test_address_ranges(address, problem):
    assert refused_address(address) == problem


# -- through the loader ---------------------------------------------------------------------------


@pytest.fixture
def loopback_allowed(settings):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = True
    settings.TIMELINE_FETCH_TIMEOUT = 1.0


def url_run(*urls) -> LoadRun:
    run = create_run([NewInput(LoadInput.Kind.URL, url) for url in urls], Options())
    run_load(run.pk)
    run.refresh_from_db()
    return run


@pytest.mark.django_db
def test_a_fetched_page_goes_through_the_html_path(server, loopback_allowed):
    run = url_run(f"{server}/page")
    source = Source.objects.get()
    assert (source.title, source.url, source.published.isoformat()) == (
        "Shells by rail",
        f"{server}/page",
        "2022-11-02",
    )
    assert source.published_source == "metadata"  # htmldate read the page's meta tag
    assert run.results[0]["line"].startswith(f"loaded    {server}/page → source {source.pk} “Shells by rail”")
    assert source.mentions.exists()


@pytest.mark.django_db
def test_each_failed_url_is_one_line_naming_it_and_the_others_load(server, loopback_allowed):
    run = url_run(
        f"{server}/png", f"{server}/redirect?to=http://10.0.0.1/", f"{server}/slow", f"{server}/page"
    )
    lines = [result["line"] for result in run.results]
    assert lines[:3] == [
        f"FAILED {server}/png: not an article (Content-Type image/png)",
        f"FAILED {server}/redirect?to=http://10.0.0.1/: redirected to http://10.0.0.1/: "
        "refused: 10.0.0.1 is a private address",
        f"FAILED {server}/slow: timed out after 1 s",
    ]
    assert lines[3].startswith("loaded ")
    assert run.summary.startswith("loaded 1, updated 0, unchanged 0, duplicates 0, failed 3")


@pytest.mark.django_db
def test_urls_from_the_admin_page_are_fetched_by_the_task(admin_client, server, loopback_allowed):
    response = admin_client.post(
        reverse("load_articles"), {"urls": f"{server}/page\n\n{server}/missing"}, follow=True
    )
    page = response.content.decode()
    assert f"FAILED {server}/missing: HTTP 404 Not Found" in page
    assert "loaded 1, updated 0" in page
