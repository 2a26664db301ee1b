"""What the Python fakes and their self-tests share: the threaded HTTP server they run on, and a
fake started as a child process that prints `LISTENING <port>...` once it accepts connections."""
import http.client
import os
import signal
import subprocess
import sys
from http.server import ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    """One thread per connection; a client that hangs up mid-answer is not an error."""
    daemon_threads = True
    block_on_close = False  # stopping never waits for a hung or idle connection

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class ChildFake:
    """`script` run with `args` (and `env` added to ours); `ports` are the numbers it printed."""

    def __init__(self, script, args, env=None):
        self.proc = subprocess.Popen([sys.executable, script, *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
        self.line = self.proc.stdout.readline().decode()
        if not self.line.startswith("LISTENING "):
            self.proc.kill()
            raise RuntimeError(f"fake did not start: {self.line!r} {self.proc.stderr.read()!r}")
        self.ports = [int(p) for p in self.line.split()[1:]]
        self.port = self.ports[0]

    def stop(self):
        """(exit code, stdout, stderr) after SIGTERM."""
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=5)
        out, err = self.proc.stdout.read(), self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc, out.decode(), err.decode()

    def connect(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
