"""Tests of the browser harness itself: each check is shown passing a good
page AND failing a bad one, so a green run of the real page tests means the
checks looked, not that they could not see."""
from __future__ import annotations

import os
import pathlib
import struct
import zlib

import pytest

import browser as harness
from browser import Browser, BrowserError, artifact_path
from conftest_browser import browser, chromium_session, require_browser  # noqa: F401



def page(tmp_path: pathlib.Path, body: str, name: str = "page.html", head: str = "") -> pathlib.Path:
    path = tmp_path / name
    path.write_text('<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
                    f"<title>t</title>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return path


@pytest.mark.browser
def test_clean_page_has_no_errors_and_runs_nothing(browser, tmp_path):
    browser.open(page(tmp_path, '<h1>Digest</h1><p lang="fa" dir="rtl">خبر امروز</p>'
                                '<a href="https://example.org/a?b=1&amp;c=2">link</a>'))
    assert browser.evaluate("document.querySelector('h1').textContent") == "Digest"
    assert browser.console_errors() == []
    assert browser.script_evidence() == []


@pytest.mark.browser
@pytest.mark.parametrize("body, source, text", [
    ("<script>console.error('x')</script>", "console", "x"),
    ("<script>console.assert(false, 'nope')</script>", "console", "nope"),
    ("<script>throw new Error('boom')</script>", "exception", "boom"),
    ("<script>Promise.reject(new Error('later'))</script>", "exception", "later"),
    ('<img src="missing.png" alt="">', "log", "ERR_FILE_NOT_FOUND"),
], ids=["console.error", "console.assert", "throw", "unhandled-rejection", "missing-image"])
def test_console_errors_are_reported(browser, tmp_path, body, source, text):
    browser.open(page(tmp_path, body))
    errors = browser.console_errors()
    assert [e.source for e in errors] == [source], errors
    assert text in errors[0].text


@pytest.mark.browser
def test_warnings_and_logs_are_kept_but_are_not_errors(browser, tmp_path):
    browser.open(page(tmp_path, "<script>console.warn('w'); console.log('l')</script>"))
    assert [(m.level, m.text) for m in browser.console] == [("warning", "w"), ("log", "l")]
    assert browser.console_errors() == []


# Our renderers must never emit markup like this: hostile input has to come out
# as inert text. Scripts are allowed to run in the harness precisely so that a
# renderer that lets a payload through is caught doing it, not just holding it.
@pytest.mark.browser
@pytest.mark.parametrize("body, expected", [
    ('<img src=x onerror="window.__pwned=1">', ["<img onerror>", "__pwned=1"]),
    ("<script>alert(1)</script>", ["1 <script> element(s)", "alert(1)"]),
    ('<svg onload="window.__pwned=2"></svg>', ["<svg onload>", "__pwned=2"]),
    ('<a href="javascript:alert(1)">x</a>', ["<a href=javascript:>"]),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', ["<a href=javascript:>"]),
    ('<iframe srcdoc="<script>prompt(3)</script>"></iframe>', ["<iframe>", "prompt(3)"]),
], ids=["img-onerror", "script", "svg-onload", "javascript-href", "obfuscated-href", "iframe"])
def test_script_in_page_is_detected(browser, tmp_path, body, expected):
    browser.open(page(tmp_path, body))
    evidence = browser.script_evidence()
    for item in expected:
        assert item in evidence, evidence


@pytest.mark.browser
def test_escaped_payload_is_inert(browser, tmp_path):
    # What a correct renderer produces from the same hostile input.
    browser.open(page(tmp_path, "<p>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</p>"
                                '<p title="javascript: a language">onload=alert(1)</p>'
                                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    assert browser.script_evidence() == []
    assert browser.evaluate("window.__pwned === undefined")
    assert "<img src=x" in browser.evaluate("document.body.textContent")


RTL_BODY = """<main id="c" style="width:600px;margin:0 auto;padding:0">
<p id="fa" dir="rtl" lang="fa">سلام دنیا</p>
<p id="ar" dir="auto" lang="ar">مرحبا بالعالم</p>
<p id="en">Hello world</p>
</main><div style="height:1500px"></div>"""

# The text's own box (a Range), not the paragraph's, which spans the container.
MEASURE = """(() => {
  const c = document.getElementById('c').getBoundingClientRect();
  const m = {};
  for (const id of ['fa', 'ar', 'en']) {
    const el = document.getElementById(id), r = document.createRange();
    r.selectNodeContents(el);
    const t = r.getBoundingClientRect();
    m[id] = {dir: getComputedStyle(el).direction, rtl: el.matches(':dir(rtl)'),
             left: t.left - c.left, right: c.right - t.right, width: t.width};
  }
  return m;
})()"""


@pytest.mark.browser
def test_rtl_text_is_laid_out_right_to_left(browser, tmp_path):
    browser.open(page(tmp_path, RTL_BODY))
    m = browser.evaluate(MEASURE)
    for rtl in ("fa", "ar"):  # explicit dir="rtl", and dir="auto" on Arabic text
        assert m[rtl]["dir"] == "rtl" and m[rtl]["rtl"], m
        assert m[rtl]["right"] <= 2, m  # flush with the container's right edge
        assert m[rtl]["left"] > 300, m  # short text: far from the left edge
        assert m[rtl]["width"] > 20, m  # glyphs were laid out
    assert m["en"]["dir"] == "ltr" and not m["en"]["rtl"], m
    assert m["en"]["left"] <= 2 and m["en"]["right"] > 300, m
    assert browser.console_errors() == []


@pytest.mark.browser
def test_rtl_check_fails_on_a_page_that_forgets_dir(browser, tmp_path):
    # The same Persian text without dir: laid out left to right, and caught.
    browser.open(page(tmp_path, RTL_BODY.replace(' dir="rtl"', "").replace(' dir="auto"', "")))
    m = browser.evaluate(MEASURE)
    assert m["fa"]["dir"] == "ltr" and m["fa"]["left"] <= 2 and m["fa"]["right"] > 300, m


def png_info(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):  # chunks: length, type, data, CRC
        (n,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    return width, height, zlib.decompress(idat)


@pytest.mark.browser
def test_screenshot_is_a_full_page_png(browser, tmp_path):
    browser.open(page(tmp_path, RTL_BODY))
    out = browser.screenshot(artifact_path("harness-rtl.png"))
    width, height, pixels = png_info(out.read_bytes())
    assert width == browser.width
    assert height >= 1500  # the whole document, not only the 768px viewport
    assert len(set(pixels)) > 2  # not a blank canvas: the text was drawn


@pytest.mark.browser
def test_evaluate_returns_values_and_raises_on_exceptions(browser, tmp_path):
    browser.open(page(tmp_path, "<p>x</p>"))
    assert browser.evaluate("({a: [1, 'ب'], b: null})") == {"a": [1, "ب"], "b": None}
    assert browser.evaluate("Promise.resolve(7)", await_promise=True) == 7
    with pytest.raises(BrowserError, match="boom"):
        browser.evaluate("(() => { throw new Error('boom') })()")
    with pytest.raises(BrowserError, match="ERR_FILE_NOT_FOUND"):
        browser.open(tmp_path / "absent.html")


def own_processes(pgid: int, profile: str) -> list[str]:
    found = []
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{d}/cmdline", "rb") as f:
                if os.getpgid(int(d)) == pgid or profile.encode() in f.read():
                    found.append(d)
        except OSError:
            pass
    return found


@pytest.mark.browser
def test_hung_page_times_out_and_close_leaves_no_process(tmp_path):
    require_browser()
    hung = page(tmp_path, "<script>while (true) {}</script>")
    with Browser(timeout=3) as b:
        pgid, profile = b._proc.pid, b._tmp
        assert own_processes(pgid, profile)
        with pytest.raises(BrowserError, match="load event"):
            b.open(hung)
        assert not b.healthy  # so the fixture would start a new browser
    assert own_processes(pgid, profile) == []
    assert not os.path.exists(profile)


def test_artifact_path_honours_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTCORE_TEST_ARTIFACTS", str(tmp_path / "arts"))
    assert artifact_path("a.png") == tmp_path / "arts" / "a.png"
    assert (tmp_path / "arts").is_dir()
    monkeypatch.delenv("DIGESTCORE_TEST_ARTIFACTS")
    assert artifact_path("a.png") == harness.ROOT / "build" / "test-artifacts" / "browser" / "a.png"


def test_missing_browser_skips_unless_required(monkeypatch):
    monkeypatch.setattr(harness, "find_chromium", lambda: None)
    monkeypatch.delenv("DIGESTCORE_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_browser()
    monkeypatch.setenv("DIGESTCORE_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="DIGESTCORE_REQUIRE_BROWSER"):
        require_browser()
