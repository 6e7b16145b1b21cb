"""Fetch an article by URL, refusing what a server-side fetch must not reach.

- Only ``http`` and ``https`` URLs, on every hop.
- Every redirect is followed here, not by a library: each hop's host is resolved once, every
  address it resolves to is checked, and the connection goes to the checked address (the Host
  header and TLS name stay the URL's), so a name that resolves elsewhere a moment later (DNS
  rebinding) is never reached. Refused: private, loopback, link-local, shared (100.64/10),
  reserved, multicast and unspecified addresses, IPv4-mapped IPv6 ones included; ``allow_loopback``
  lets tests reach a server on 127.0.0.1.
- One time-out for the whole fetch, redirects included; the body is read up to ``max_bytes`` and
  refused beyond (before anything is decoded); no compressed transfer is asked for.

Every failure is a ``FetchError`` whose message is one line naming the URL that failed. Nothing here
touches the database or Django's settings.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from timeline.ingest.decode import InputError, gunzip

SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "timeline-loader/1.0"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched: ``reason`` is one line (naming the hop that failed, after a
    redirect), and the message is the URL and that reason."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the URL it ended at, its media type and charset (from Content-Type) and body."""

    url: str
    content_type: str
    charset: str | None
    data: bytes


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def refused_address(address: str, allow_loopback: bool = False) -> str:
    """Why ``address`` may not be fetched from ("" when it may): the kind of range it is in."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "" if allow_loopback else "a loopback address"
    for kind, found in (
        ("an unspecified address", ip.is_unspecified),
        ("a link-local address", ip.is_link_local),
        ("a multicast address", ip.is_multicast),
        ("a reserved address", ip.is_reserved),
        ("a private address", ip.is_private),
        ("not a public address", not ip.is_global),
    ):
        if found:
            return kind
    return ""


def fetch(
    url: str, *, timeout: float, max_bytes: int, max_redirects: int = 5, allow_loopback: bool = False
) -> Fetched:
    """GET ``url``, following up to ``max_redirects`` redirects, all within ``timeout`` seconds;
    raises ``FetchError``."""
    deadline = time.monotonic() + timeout
    current = url
    for hop in range(max_redirects + 1):
        where = _Where(url, current)
        parts = _checked_url(current, where)
        address = _checked_address(
            parts.hostname, parts.port or _default_port(parts.scheme), where, allow_loopback
        )
        try:
            response, connection = _request(parts, address, deadline)
        except TimeoutError:
            raise FetchError(*where.said(f"timed out after {timeout:g} s")) from None
        except ssl.SSLError as error:
            raise FetchError(*where.said(f"TLS failed ({error.reason or error})")) from None
        except OSError as error:
            raise FetchError(*where.said(f"cannot connect ({error.strerror or error})")) from None
        try:
            if response.status in REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchError(*where.said(f"HTTP {response.status} without a Location"))
                if hop == max_redirects:
                    raise FetchError(*where.said(f"more than {max_redirects} redirects"))
                current = urljoin(current, location.strip())
                continue
            if not 200 <= response.status < 300:
                raise FetchError(*where.said(f"HTTP {response.status} {response.reason}".rstrip()))
            data = _body(response, connection, max_bytes, deadline, where, timeout)
            header = Message()
            header["Content-Type"] = response.getheader("Content-Type") or ""
            return Fetched(current, header.get_content_type(), header.get_param("charset"), data)
        finally:
            connection.close()
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class _Where:
    """The URL given and the hop being fetched, for error messages."""

    url: str
    current: str

    def said(self, reason: str) -> tuple[str, str]:
        hop = "" if self.current == self.url else f"redirected to {self.current}: "
        return self.url, hop + reason


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _checked_url(url: str, where: _Where):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as error:
        raise FetchError(*where.said(f"not a valid URL ({error})")) from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise FetchError(*where.said(f"only http and https URLs are fetched, not {scheme}"))
    if not parts.hostname:
        raise FetchError(*where.said("no host name"))
    return parts


def _checked_address(host: str, port: int, where: _Where, allow_loopback: bool) -> str:
    """The address to connect to for ``host``: every address it resolves to must be allowed."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(
            *where.said(f"cannot resolve {host} ({getattr(error, 'strerror', None) or error})")
        ) from None
    if not addresses:
        raise FetchError(*where.said(f"cannot resolve {host}"))
    for address in addresses:
        problem = refused_address(address, allow_loopback)
        if problem:
            named = f"{address} is" if host.strip("[]") == address else f"{host} resolves to {address},"
            raise FetchError(*where.said(f"refused: {named} {problem}"))
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to the address checked for its host, not to what the host resolves to now."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the checked address; the certificate is verified for the URL's host name."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request(parts, address: str, deadline: float):
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    kind = _PinnedHTTPSConnection if parts.scheme.lower() == "https" else _PinnedHTTPConnection
    connection = kind(parts.hostname, parts.port or _default_port(parts.scheme), address, remaining)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "identity",
            },
        )
        return connection.getresponse(), connection
    except BaseException:
        connection.close()
        raise


def _body(response, connection, max_bytes: int, deadline: float, where: _Where, timeout: float) -> bytes:
    """The response body, at most ``max_bytes``, read before the deadline."""
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(*where.said(f"too large ({int(length):,} bytes; the limit is {max_bytes:,})"))
    chunks, size = [], 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(*where.said(f"timed out after {timeout:g} s"))
        if connection.sock is not None:
            connection.sock.settimeout(remaining)
        try:
            chunk = response.read1(_CHUNK)
        except TimeoutError:
            raise FetchError(*where.said(f"timed out after {timeout:g} s")) from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(*where.said(f"the response broke off ({type(error).__name__})")) from None
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(*where.said(f"too large (more than the limit of {max_bytes:,} bytes)"))
        chunks.append(chunk)
    data = b"".join(chunks)
    if (response.getheader("Content-Encoding") or "").strip().lower() in ("gzip", "x-gzip"):
        try:
            data = gunzip(data, max_bytes)
        except InputError as error:
            raise FetchError(*where.said(str(error))) from None
    return data
