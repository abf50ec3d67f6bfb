"""Mail servers for tests: a mail backend that behaves like a server that is down, and a
real SMTP server (for worker processes, which talk to it over the network)."""

import socketserver
import threading
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from smtplib import SMTPServerDisconnected

from django.core.mail.backends.base import BaseEmailBackend


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


class SMTPServer:
    """A real SMTP server on a free local port, in a thread of the test process: it speaks
    enough of the protocol for smtplib and keeps every message it takes (``messages``).

    With ``stall=True`` it takes the first message (it is delivered) and then waits before it
    answers, as a slow mail server does: the sender is stuck in the middle of the send until
    ``release()`` (``stalled`` tells when that moment has come).
    """

    def __init__(self, *, stall: bool = False):
        self.messages: list[EmailMessage] = []
        self.stall = stall
        self.stalled = threading.Event()
        self.released = threading.Event()
        owner = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                owner.converse(self.rfile, self.wfile)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"smtp://127.0.0.1:{self.port}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def release(self):
        self.released.set()

    def message_ids(self, to: str) -> list[str]:
        return [m["Message-ID"] for m in self.messages if to in m["To"]]

    def converse(self, rfile, wfile):
        def say(line: str):
            wfile.write(line.encode() + b"\r\n")
            wfile.flush()

        try:
            say("220 test ESMTP")
            for raw in rfile:
                verb = raw.decode(errors="replace").strip().split(" ", 1)[0].upper()
                if verb == "DATA":
                    say("354 End data with <CR><LF>.<CR><LF>")
                    self.take(rfile)
                    if self.stall and not self.stalled.is_set():
                        self.stalled.set()
                        self.released.wait(60)
                    say("250 OK: queued")
                elif verb == "QUIT":
                    say("221 Bye")
                    return
                elif verb in ("EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                    say("250 OK")
                else:
                    say("500 Unknown command")
        except OSError:
            return  # the sender went away (killed)

    def take(self, rfile):
        lines = []
        for raw in rfile:
            if raw in (b".\r\n", b".\n"):
                break
            lines.append(raw[1:] if raw.startswith(b"..") else raw)
        self.messages.append(BytesParser(policy=default).parsebytes(b"".join(lines)))
