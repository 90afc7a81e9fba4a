"""The PDF renderer fetches nothing: not the network, not files outside the project's assets.

User text never reaches WeasyPrint as HTML (it is sanitised first), so these tests hand the
renderer hostile HTML directly, as a bug upstream would, and watch a loopback listener that
must receive no connection at all.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator

import pytest
from conftest import DATA
from pypdf import PdfReader
from render_helpers import document

from genreport.errors import RenderError
from genreport.pdf import prepare as pdf


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A loopback listener that must stay untouched."""
    server = Listener()
    yield server
    server.close()


HOSTILE = [
    '<img src="http://127.0.0.1:{port}/pixel.png">',
    '<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">',
    "<style>@import url(http://127.0.0.1:{port}/x.css);</style>",
    '<p style="background: url(http://127.0.0.1:{port}/bg.png)">x</p>',
    '<a rel="attachment" href="http://127.0.0.1:{port}/a.bin">a</a>',
    '<object data="http://127.0.0.1:{port}/o.svg"></object>',
    '<svg><image href="http://127.0.0.1:{port}/i.png" width="10" height="10"/></svg>',
    '<img src="file:///etc/passwd">',
    '<a rel="attachment" href="file:///etc/passwd">passwd</a>',
    '<img src="http://169.254.169.254/latest/meta-data/">',
]


@pytest.mark.parametrize("fragment", HOSTILE)
def test_renderer_refuses_and_connects_nowhere(monkeypatch, listener, fragment):
    doc = document(DATA / "valid.zh-CN.yaml")
    payload = fragment.format(port=listener.port)
    real = pdf.render_html
    monkeypatch.setattr(
        pdf,
        "render_html",
        lambda d, stylesheets=(), **kw: real(d, stylesheets, **kw).replace("</body>", payload + "</body>"),
    )
    with pytest.raises(RenderError) as refused:
        pdf.render_pdf(doc)
    url = re.search(r"(?:http|file)://[^\"')]+", payload).group(0)
    assert url in refused.value.message("en")  # refused by name, not a silent blank
    assert listener.connections == 0


def test_hostile_text_in_a_report_builds_an_inert_pdf(tmp_path, listener):
    text = (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")
    port = listener.port
    hostile = (
        f"<img src=http://127.0.0.1:{port}/x> ![x](http://127.0.0.1:{port}/y.png) "
        f'<a rel="attachment" href="file:///etc/passwd">附件</a> [链接](javascript:alert(1))'
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(text.replace("现将有关情况报告如下。", "现将有关情况报告如下。" + hostile), encoding="utf-8")
    data = pdf.render_pdf(document(path))
    assert listener.connections == 0
    out = tmp_path / "hostile.pdf"
    out.write_bytes(data)
    reader = PdfReader(out)
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    page_text = "".join(page.extract_text() for page in reader.pages)
    assert "root:x:0:0" not in page_text  # the file's contents never reach the PDF
    uris = [a.get_object().get("/A", {}).get("/URI") for page in reader.pages for a in page.get("/Annots", []) or []]
    assert not any(str(uri).startswith(("javascript:", "file:")) for uri in uris if uri)
