"""A small tile server on loopback, standing in for the configured map tile server.

It answers ``/<z>/<x>/<y>.png`` with a real 256 × 256 PNG, and records the headers of each
request it got, so a test can see what the tile server learns about our visitors.
"""

import io
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def png(colour=(200, 220, 240)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(out, format="PNG")
    return out.getvalue()


class TileServer:
    def __init__(self, *, body: bytes | None = None, content_type: str = "image/png"):
        self.body = body if body is not None else png()
        self.content_type = content_type
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append({"path": self.path, **dict(self.headers)})
                self.send_response(200)
                self.send_header("Content-Type", server.content_type)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        """Stop answering: afterwards a request to the port is refused. Safe to call twice."""
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()


@contextmanager
def tile_server(**kwargs):
    server = TileServer(**kwargs)
    try:
        yield server
    finally:
        server.stop()
