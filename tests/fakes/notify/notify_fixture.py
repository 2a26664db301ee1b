"""What the fake's self-tests share: the fake as a child process on kernel-chosen ports, and a
throw-away self-signed certificate for its TLS modes (made with the openssl command)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from fakekit import ChildFake  # noqa: E402

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_notify.py")


class Fake(ChildFake):
    """fake_notify.py started with `args`; `port` is its HTTP port, `smtp_port` its sink's."""

    def __init__(self, args):
        super().__init__(SCRIPT, args)
        self.smtp_port = self.ports[1]

    def request(self, method, path, body, headers=None, timeout=10):
        """(status, parsed JSON answer) over a fresh connection."""
        conn = self.connect(timeout)
        try:
            conn.request(method, path, body=body.encode() if body else None,
                         headers=headers or {})
            res = conn.getresponse()
            raw = res.read()
            return res.status, json.loads(raw) if raw else None
        finally:
            conn.close()

    def control(self, what, body=None, method="POST"):
        status, answer = self.request(method, f"/_control/{what}",
                                      json.dumps(body) if body is not None else "")
        if status != 200:
            raise RuntimeError(f"control {what}: {status} {answer}")
        return answer


class Certificate:
    """A self-signed certificate for localhost and 127.0.0.1 in a temporary directory."""

    def __init__(self):
        if shutil.which("openssl") is None:
            raise unittest.SkipTest("the openssl command is not installed")
        self.dir = tempfile.mkdtemp(prefix="fake-notify-")
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                        "-subj", "/CN=localhost", "-keyout", self.key, "-out", self.cert,
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=30)

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)
