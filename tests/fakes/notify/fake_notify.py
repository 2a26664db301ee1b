#!/usr/bin/env python3
"""Fake notification gateways for tests: a Twilio-style SMS gateway and the WhatsApp Business
Cloud API on one HTTP port, and an SMTP sink on another.

    python3 fake_notify.py [--host 127.0.0.1] [--http-port 0] [--smtp-port 0] [--token T]
                           [--smtp-user U --smtp-password P] [--tls-cert C --tls-key K [--smtps]]

prints `LISTENING <http_port> <smtp_port>` once and serves until SIGTERM (exit 0). The control
API (no auth) is under /_control/ on the HTTP port; README.md beside this file describes it all.
Standard library only.
"""
import argparse
import json
import os
import re
import signal
import ssl
import sys
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import fake_notify_smtp  # noqa: E402
from fakekit import Server  # noqa: E402
from fake_notify_state import ControlError, State  # noqa: E402

VERBOSE = os.environ.get("FAKE_NOTIFY_VERBOSE") == "1"
WHATSAPP_RE = re.compile(r"^/(?:.+/)?([^/]+)/messages$")
WA_ID_RE = re.compile(r"^[0-9]{7,15}$")
STATE = None  # set by main()


def twilio_error(code, message, status):
    return {"code": code, "message": message, "status": status,
            "more_info": f"https://www.twilio.com/docs/errors/{code}"}


def meta_error(code, message, details=None):
    error = {"message": message, "type": "OAuthException", "code": code,
             "fbtrace_id": os.urandom(8).hex()}
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return {"error": error}


def template_problem(p):
    """What is wrong with a WhatsApp template message payload, or None."""
    if not isinstance(p, dict):
        return "the body must be a JSON object"
    if p.get("messaging_product") != "whatsapp":
        return "messaging_product must be \"whatsapp\""
    if not isinstance(p.get("to"), str) or not WA_ID_RE.match(p["to"]):
        return "to must be the recipient's number in digits, without '+'"
    if p.get("type") != "template":
        return "type must be \"template\""
    t = p.get("template")
    if not isinstance(t, dict) or not isinstance(t.get("name"), str) or not t["name"]:
        return "template.name is required"
    lang = t.get("language")
    if not isinstance(lang, dict) or not isinstance(lang.get("code"), str) or not lang["code"]:
        return "template.language.code is required"
    components = t.get("components", [])
    if not isinstance(components, list) or not all(isinstance(c, dict) for c in components):
        return "template.components must be a list of objects"
    for c in components:
        params = c.get("parameters", [])
        if not isinstance(params, list) or not all(
                isinstance(x, dict) and x.get("type") == "text" and isinstance(x.get("text"), str)
                for x in params):
            return "parameters must be [{\"type\": \"text\", \"text\": …}]"
    return None


def body_parameters(template):
    for c in template.get("components", []):
        if c.get("type") == "body":
            return [x["text"] for x in c.get("parameters", [])]
    return []


CONTROL = {
    ("GET", "mode"): lambda body: STATE.mode(),
    ("POST", "mode"): lambda body: STATE.set_modes(body),
    ("POST", "auth"): lambda body: STATE.set_auth(body),
    ("GET", "messages"): lambda body: STATE.snapshot("messages"),
    ("GET", "attempts"): lambda body: STATE.snapshot("attempts"),
    ("POST", "reset"): lambda body: STATE.reset(),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-notify/1"

    def do_GET(self):  # noqa: N802 (the base class's naming)
        self._dispatch(b"")

    def do_POST(self):  # noqa: N802
        self._dispatch(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _dispatch(self, raw):
        path = urlsplit(self.path).path
        if path.startswith("/_control/"):
            return self._control(path[len("/_control/"):], raw)
        whatsapp = WHATSAPP_RE.match(path)
        if self.command == "POST" and path == "/sms":
            return self._sms(raw)
        if self.command == "POST" and whatsapp:
            return self._whatsapp(whatsapp.group(1), raw)
        self._json(404, {"error": f"no route {self.command} {path}"})

    def _control(self, what, raw):
        action = CONTROL.get((self.command, what))
        if action is None:
            return self._json(404, {"error": f"no control {self.command} {what}"})
        try:
            self._json(200, action(json.loads(raw) if raw.strip() else {}))
        except (ValueError, ControlError) as e:
            self._json(400, {"error": str(e)})

    def _authorized(self, credential):
        token = STATE.credential(credential)
        return token is None or self.headers.get("Authorization") == f"Bearer {token}"

    def _hang(self, channel, key):
        """When `channel` hangs: logs the attempt, waits, drops the connection; True then."""
        if not STATE.is_hung(channel):
            return False
        STATE.attempt(channel, key, "hung", None)
        STATE.wait_while_hung(channel)
        self.close_connection = True  # never answered
        return True

    def _sms(self, raw):
        key = self.headers.get("Idempotency-Key", "")
        if not self._authorized("sms_token"):
            STATE.attempt("sms", key, "unauthorized", 401)
            return self._json(401, twilio_error(20003, "Authenticate", 401))
        if self._hang("sms", key):
            return None
        mode = STATE.mode("sms")
        if mode in ("fail", "reject"):
            status = 500 if mode == "fail" else 400
            STATE.attempt("sms", key, "failed" if mode == "fail" else "rejected", status)
            return self._json(status, twilio_error(20500, "Internal Server Error", 500)
                              if mode == "fail" else
                              twilio_error(21211, "Invalid 'To' Phone Number", 400))
        form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"),
                                             keep_blank_values=True).items()}
        problem = ((21604, "A 'To' phone number is required.") if not form.get("To") else
                   (21602, "Message body is required.") if not form.get("Body") else None)
        if problem:
            STATE.attempt("sms", key, "invalid", 400)
            return self._json(400, twilio_error(problem[0], problem[1], 400))
        m = STATE.deliver_once("sms", key, 201, lambda: {
            "to": form["To"], "from": form.get("From", ""), "body": form["Body"],
            "id": "SM" + os.urandom(16).hex()})
        self._json(201, {"sid": m["id"], "status": "queued", "to": m["to"], "from": m["from"],
                         "body": m["body"], "direction": "outbound-api", "num_segments": "1"})

    def _whatsapp(self, phone_number_id, raw):
        key = self.headers.get("Idempotency-Key", "")
        if not self._authorized("whatsapp_token"):
            STATE.attempt("whatsapp", key, "unauthorized", 401)
            return self._json(401, meta_error(
                190, "Invalid OAuth access token - Cannot parse access token"))
        if self._hang("whatsapp", key):
            return None
        mode = STATE.mode("whatsapp")
        if mode == "fail":
            STATE.attempt("whatsapp", key, "failed", 500)
            return self._json(500, meta_error(1, "An unknown error has occurred."))
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = None
        problem = "the request was rejected" if mode == "reject" else template_problem(payload)
        if problem:
            STATE.attempt("whatsapp", key, "rejected" if mode == "reject" else "invalid", 400)
            return self._json(400, meta_error(100, "(#100) Invalid parameter", problem))
        t = payload["template"]
        m = STATE.deliver_once("whatsapp", key, 200, lambda: {
            "to": payload["to"], "from": phone_number_id, "template": t["name"],
            "language": t["language"]["code"], "parameters": body_parameters(t),
            "id": "wamid." + os.urandom(24).hex(), "payload": payload})
        self._json(200, {"messaging_product": "whatsapp",
                         "contacts": [{"input": m["to"], "wa_id": m["to"]}],
                         "messages": [{"id": m["id"], "message_status": "accepted"}]})

    def _json(self, status, payload):
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if VERBOSE:  # the request line and status only: never a header or a body
            sys.stderr.write(f"fake_notify http: {format % args}\n")
            sys.stderr.flush()


def parse_args(argv):
    parser = argparse.ArgumentParser(description="fake SMS, WhatsApp and SMTP gateways")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--http-port", type=int, default=0, help="0: the kernel picks one")
    parser.add_argument("--smtp-port", type=int, default=0, help="0: the kernel picks one")
    parser.add_argument("--token", help="Bearer token both HTTP gateways require")
    parser.add_argument("--smtp-user", help="AUTH required with this user")
    parser.add_argument("--smtp-password")
    parser.add_argument("--tls-cert", help="PEM certificate: offers STARTTLS")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    parser.add_argument("--smtps", action="store_true", help="TLS from the first byte")
    args = parser.parse_args(argv)
    if (args.smtp_user is None) != (args.smtp_password is None):
        parser.error("--smtp-user and --smtp-password go together")
    if (args.tls_cert is None) != (args.tls_key is None) or (args.smtps and not args.tls_cert):
        parser.error("--tls-cert and --tls-key go together; --smtps needs them")
    return args


def _stop(_signum, _frame):
    raise SystemExit(0)


def main(argv=None):
    global STATE
    args = parse_args(argv)
    STATE = State({"sms_token": args.token, "whatsapp_token": args.token,
                   "smtp_user": args.smtp_user, "smtp_password": args.smtp_password})
    tls = None
    if args.tls_cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.tls_cert, args.tls_key)
    smtp_port = fake_notify_smtp.start(STATE, args.host, args.smtp_port, tls, args.smtps)
    server = Server((args.host, args.http_port), Handler)
    signal.signal(signal.SIGTERM, _stop)
    print(f"LISTENING {server.server_address[1]} {smtp_port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        STATE.stop()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
