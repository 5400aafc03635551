"""The local app refuses what a hostile page or network name could make a browser send."""

from __future__ import annotations

import http.server
import threading

import httpx
import pytest

pytestmark = pytest.mark.browser


def _client(server, **kw) -> httpx.Client:
    """A client that has opened the private address (holds the key cookie), like the browser."""
    c = httpx.Client(base_url=server.base, timeout=10, **kw)
    r = c.get(f"/?token={server.token}")
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    return c


def _csrf(html: str) -> str:
    import re

    return re.search(r'name="csrf-token" content="([0-9a-f]+)"', html).group(1)


def test_no_token_is_refused(server):
    r = httpx.get(server.base + "/history")
    assert r.status_code == 403
    assert "the private address" in r.text
    assert httpx.get(server.base + "/?token=wrong" + server.token[:5]).status_code == 403


def test_wrong_host_is_refused_even_with_the_key(server):
    c = _client(server)
    assert c.get("/history").status_code == 200
    for host in ("evil.example", "evil.example:%d" % server.port, "192.168.1.5", "127.0.0.1.evil.example"):
        r = c.get("/history", headers={"Host": host})
        assert r.status_code == 403, host
        assert "only answers on 127.0.0.1" in r.text
    assert c.get("/history", headers={"Host": f"localhost:{server.port}"}).status_code == 200


def test_cross_origin_and_tokenless_posts_are_refused(server):
    c = _client(server)
    token = _csrf(c.get("/history").text)
    own = {"Origin": server.base}
    # the CSRF token is needed even from our own origin
    assert c.post("/history/delete", data={"id": "x"}, headers=own).status_code == 403
    assert c.post("/history/delete", data={"id": "x", "csrf": "0" * 64}, headers=own).status_code == 403
    # a valid token from another origin, or with no origin at all, is refused too
    for headers in ({"Origin": "http://evil.example"}, {"Origin": f"http://127.0.0.1:{server.port + 1}"}, {"Origin": "null"}, {}):
        r = c.post("/history/delete", data={"id": "x", "csrf": token}, headers=headers)
        assert r.status_code == 403, headers
    r = c.post("/history/delete", data={"id": "x", "csrf": token}, headers=own)
    assert r.status_code == 303 and r.headers["location"] == "/history?deleted=nothing"


def test_security_headers(server):
    c = _client(server)
    r = c.get("/review")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and " on" + "click=" not in r.text  # no inline script or handlers


def test_oversized_upload_is_refused_before_it_is_read(server):
    c = _client(server)
    token = _csrf(c.get("/review").text)
    big = b"Dana: hello\nSam: hi\n" * (11 * 1024 * 1024 // 20)
    r = c.post("/review", data={"csrf": token}, files={"transcript": ("big.txt", big, "text/plain")},
               headers={"Origin": server.base})
    assert r.status_code == 413
    assert "the limit is 10 MB" in r.text


def test_cross_origin_form_in_the_browser_is_refused(browser, server, tmp_path):
    """A page on another local origin auto-submits a form to the app: it must not get through."""
    (tmp_path / "index.html").write_text(
        f'<form id="f" method="post" action="{server.base}/history/delete"><input name="id" value="x"></form>'
        '<button id="go" onclick="document.getElementById(\'f\').submit()">go</button>')
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.goto(server.url)  # the user has the app open in the same browser
        assert pg.locator("h1").first.inner_text()
        pg.goto(f"http://127.0.0.1:{evil.server_address[1]}/index.html")
        with pg.expect_navigation():
            pg.click("#go")
        assert "Refused" in pg.content() or "private address" in pg.content()
        assert pg.locator("h1").inner_text() == "Not allowed"
    finally:
        context.close()
        evil.shutdown()


def test_refusal_pages_in_the_browser(browser, server):
    from browsing import shoot

    context = browser.new_context()
    try:
        pg = context.new_page()
        r = pg.goto(server.base + "/")
        assert r.status == 403
        assert "private address" in pg.locator("main").inner_text()
        shoot(pg, "refused-no-token")
    finally:
        context.close()
