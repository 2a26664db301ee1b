#!/usr/bin/env python3
"""A fake Cal.com API v2 for tests: slots, bookings, faults, a per-key rate limit.

    python3 fake_calcom.py [--port 0] [--host 127.0.0.1]

prints `LISTENING <port>` once and serves until SIGTERM. The control API (no auth) is under
/_control/; README.md beside this file describes both. Standard library only.
"""
import argparse
import bisect
import datetime as dt
import json
import math
import os
import re
import signal
import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, unquote, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from fakekit import Server  # noqa: E402
from fake_calcom_store import (  # noqa: E402
    UTC, ApiError, Store, as_int, as_object, bad_request, iso_in, iso_utc, minutes,
    parse_bound, zone)

SLOTS_VERSION = "2024-09-04"
BOOKINGS_VERSION = "2024-08-13"
DEFAULT_LIMIT = 120
WINDOW_S = 60.0
HANG_MAX_S = 60.0
MALFORMED_BODY = b'{"status":"success","data":'
VERBOSE = os.environ.get("FAKE_CALCOM_VERBOSE") == "1"
FAULTS = {"latency_ms": 0, "fail_500": 0, "hang": False, "malformed": 0, "unauthorized": False}


class Traffic:
    """Faults, the per-key limit, and the log of admitted requests (monotonic times)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.faults = dict(FAULTS)
            self.per_min = DEFAULT_LIMIT
        self.clear_log()

    def clear_log(self):
        with self.lock:
            self.log, self.by_route, self.total, self.rejected = {}, {}, 0, 0

    def admit(self, key, route):
        """Counts one request; None when admitted, else the seconds until one would be."""
        now = time.monotonic()
        with self.lock:
            self.total += 1
            self.by_route[route] = self.by_route.get(route, 0) + 1
            if key is None:
                return None
            times = self.log.setdefault(key, [])
            recent = len(times) - bisect.bisect_right(times, now - WINDOW_S)
            if recent >= self.per_min:
                self.rejected += 1
                return max(1, math.ceil(times[-self.per_min] + WINDOW_S - now))
            times.append(now)
            return None

    def set_limit(self, body):
        per_min = as_int(as_object(body).get("per_min"), "per_min", 1)
        with self.lock:
            self.per_min = per_min
            return {"per_min": per_min}

    def limit(self):
        with self.lock:
            return {"per_min": self.per_min}

    def set_faults(self, body):
        body = as_object(body)
        unknown = set(body) - set(FAULTS) - {"clear"}
        if unknown:
            raise bad_request(f"unknown faults: {', '.join(sorted(unknown))}")
        changes = {k: _fault_value(k, v) for k, v in body.items() if k != "clear"}
        with self.lock:
            if body.get("clear"):
                self.faults = dict(FAULTS)
            self.faults.update(changes)
            return dict(self.faults)

    def get_faults(self):
        with self.lock:
            return dict(self.faults)

    def fault(self, name):
        with self.lock:
            return self.faults[name]

    def take(self, name):
        """Whether the counted fault applies to this request (using up one of its count)."""
        with self.lock:
            left = self.faults[name]
            if left > 0:
                self.faults[name] = left - 1
            return left != 0

    def stats(self):
        with self.lock:
            return {"requests_total": self.total, "by_route": dict(self.by_route),
                    "max_in_any_60s": {k: _max_in_window(t) for k, t in self.log.items()},
                    "rejected_429": self.rejected}


def _fault_value(name, value):
    if name in ("hang", "unauthorized"):
        if not isinstance(value, bool):
            raise bad_request(f"{name} must be true or false")
        return value
    return as_int(value, name, 0 if name == "latency_ms" else -1)


def _max_in_window(times):
    """The most requests within any 60 s (times ascending)."""
    best, first = 0, 0
    for last, t in enumerate(times):
        while t - times[first] >= WINDOW_S:
            first += 1
        best = max(best, last - first + 1)
    return best


STORE = Store()
TRAFFIC = Traffic()


# --- /v2/ routes: each takes a Request and answers (status, data) -----------------------------

class Request:
    def __init__(self, headers, query, body, uid=None):
        self.headers, self.query, self.body, self.uid = headers, query, body, uid

    def require_version(self, version, route):
        if self.headers.get("cal-api-version") != version:
            raise bad_request(f"cal-api-version {version} required for {route}")


def _slot_days(starts, length, tz, shape):
    """Slots grouped by their local date in `tz`."""
    days = {}
    for t in starts:
        if shape == "old":
            slot = {"time": iso_utc(t)}
        else:
            slot = {"start": iso_in(t, tz)}
            if shape == "range":
                slot["end"] = iso_in(t + minutes(length), tz)
        days.setdefault(t.astimezone(tz).date().isoformat(), []).append(slot)
    return days


def _free(q, tz, start_field, end_field):
    et_id = as_int(q.get("eventTypeId"), "eventTypeId")
    start = parse_bound(q.get(start_field), start_field, tz, False)
    end = parse_bound(q.get(end_field), end_field, tz, True)
    length = as_int(q["duration"], "duration", 1) if q.get("duration") else None
    return STORE.free_slots(et_id, start, end, length)


def api_slots(req):
    req.require_version(SLOTS_VERSION, "/v2/slots")
    tz = zone(req.query.get("timeZone") or "UTC")
    starts, length = _free(req.query, tz, "start", "end")
    shape = "range" if req.query.get("format") == "range" else "start"
    return 200, _slot_days(starts, length, tz, shape)


def api_slots_available(req):
    starts, length = _free(req.query, zone("UTC"), "startTime", "endTime")
    return 200, {"slots": _slot_days(starts, length, zone("UTC"), "old")}


def api_create_booking(req):
    req.require_version(BOOKINGS_VERSION, "/v2/bookings")
    return 201, STORE.create(req.body)


def api_list_bookings(req):
    found, total = STORE.list(req.query)
    return 200, found, {"pagination": {
        "totalItems": total, "returnedItems": len(found), "remainingItems": 0,
        "itemsPerPage": len(found), "currentPage": 1, "totalPages": 1,
        "hasNextPage": False, "hasPreviousPage": False}}


UID = r"/(?P<uid>[^/]+)"
API_ROUTES = [  # (method, path pattern, label in stats, handler)
    ("GET", r"/v2/slots", "GET /v2/slots", api_slots),
    ("GET", r"/v2/slots/available", "GET /v2/slots/available", api_slots_available),
    ("POST", r"/v2/slots/reservations", "POST /v2/slots/reservations",
     lambda req: (201, STORE.reserve(req.body))),
    ("GET", r"/v2/bookings", "GET /v2/bookings", api_list_bookings),
    ("POST", r"/v2/bookings", "POST /v2/bookings", api_create_booking),
    ("GET", r"/v2/bookings" + UID, "GET /v2/bookings/{uid}",
     lambda req: (200, STORE.get(req.uid))),
    ("POST", r"/v2/bookings" + UID + "/cancel", "POST /v2/bookings/{uid}/cancel",
     lambda req: (200, STORE.cancel(req.uid, req.body))),
    ("POST", r"/v2/bookings" + UID + "/reschedule", "POST /v2/bookings/{uid}/reschedule",
     lambda req: (201, STORE.reschedule(req.uid, req.body))),
    ("POST", r"/v2/bookings" + UID + "/mark-absent", "POST /v2/bookings/{uid}/mark-absent",
     lambda req: (200, STORE.mark_absent(req.uid, req.body))),
]


def find_route(method, path):
    """(label, handler, uid) of the route, or (method + path, None, None)."""
    for m, pattern, label, handler in API_ROUTES:
        match = re.fullmatch(pattern, path)
        if m == method and match:
            return label, handler, unquote(match.groupdict().get("uid") or "") or None
    return f"{method} {path}", None, None


# --- /_control/ ------------------------------------------------------------------------------

def ctl_reset(_body):
    STORE.reset()
    TRAFFIC.reset()
    return {"ok": True}


def ctl_clear_log(_body):
    TRAFFIC.clear_log()
    return {"ok": True}


CONTROL = {
    ("POST", "reset"): ctl_reset,
    ("POST", "clear_log"): ctl_clear_log,
    ("POST", "event_types"): lambda body: {"event_types": STORE.set_event_types(body)},
    ("GET", "event_types"): lambda _: STORE.event_type_configs(),
    ("POST", "faults"): TRAFFIC.set_faults,
    ("GET", "faults"): lambda _: TRAFFIC.get_faults(),
    ("POST", "limit"): TRAFFIC.set_limit,
    ("GET", "limit"): lambda _: TRAFFIC.limit(),
    ("GET", "bookings"): lambda _: STORE.all(),
    ("POST", "bookings"): lambda body: (
        [STORE.insert(b) for b in body] if isinstance(body, list) else STORE.insert(body)),
    ("GET", "stats"): lambda _: TRAFFIC.stats(),
}


# --- HTTP ------------------------------------------------------------------------------------

def bearer(value):
    if value and value[:7].lower() == "bearer " and value[7:].strip():
        return value[7:].strip()
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeCalcom/1.0"
    timeout = 300  # an idle keep-alive connection is closed after this
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stall

    def do_GET(self):
        self._dispatch()

    def do_POST(self):
        self._dispatch()

    do_PUT = do_PATCH = do_DELETE = do_POST

    def _dispatch(self):
        url = urlsplit(self.path)
        try:
            body = self._read_body()
            if url.path.startswith("/_control/"):
                self._control(url.path[len("/_control/"):], body)
            elif url.path.startswith("/v2/"):
                self._api(url, body)
            else:
                raise ApiError(404, "NotFoundException", f"Cannot {self.command} {url.path}")
        except ApiError as e:
            self._error(e.status, e.code, e.message, url.path)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self._error(500, "InternalServerErrorException", "fake failed", url.path)

    def _read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            raise bad_request("chunked request bodies are not supported by the fake")
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not raw.strip():
            return None
        try:
            return json.loads(raw)
        except ValueError:
            raise bad_request("the body is not valid JSON") from None

    def _control(self, what, body):
        action = CONTROL.get((self.command, what))
        if action is None:
            raise ApiError(404, "NotFoundException", f"no control {self.command} {what}")
        self._json(200, action(body))

    def _api(self, url, body):
        label, handler, uid = find_route(self.command, url.path)
        key = bearer(self.headers.get("Authorization"))
        wait = TRAFFIC.admit(key, label)
        time.sleep(TRAFFIC.fault("latency_ms") / 1000.0)
        self._wait_while_hung()
        if wait is not None:
            self._error(429, "ThrottlerException", "ThrottlerException: Too Many Requests",
                        url.path, {"Retry-After": str(wait)})
        elif TRAFFIC.fault("unauthorized") or not (key or "").startswith("cal_"):
            self._error(401, "UnauthorizedException", "Invalid API Key", url.path)
        elif TRAFFIC.take("fail_500"):
            self._error(500, "InternalServerErrorException", "Internal server error", url.path)
        elif TRAFFIC.take("malformed"):
            self._send(200, MALFORMED_BODY)
        elif handler is None:
            self._error(404, "NotFoundException", f"Cannot {self.command} {url.path}", url.path)
        else:
            query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
            status, data, *extra = handler(Request(self.headers, query, body, uid))
            self._json(status, {"status": "success", "data": data, **(extra[0] if extra else {})})

    def _wait_while_hung(self):
        deadline = time.monotonic() + HANG_MAX_S
        while TRAFFIC.fault("hang") and time.monotonic() < deadline:
            time.sleep(0.02)

    def _error(self, status, code, message, path, headers=None):
        timestamp = iso_utc(dt.datetime.now(UTC))
        self._json(status, {"status": "error", "timestamp": timestamp, "path": path,
                            "error": {"code": code, "message": message}}, headers)

    def _json(self, status, payload, headers=None):
        self._send(status, json.dumps(payload).encode("utf-8"), headers)

    def _send(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if VERBOSE:  # the request line and status only: never a header
            sys.stderr.write(f"fake_calcom: {format % args}\n")
            sys.stderr.flush()


def _stop(_signum, _frame):
    raise SystemExit(0)


def main(argv=None):
    parser = argparse.ArgumentParser(description="fake Cal.com API v2 for tests")
    parser.add_argument("--port", type=int, default=0, help="0: the kernel picks one")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    if ":" in args.host:
        Server.address_family = socket.AF_INET6
    server = Server((args.host, args.port), Handler)
    signal.signal(signal.SIGTERM, _stop)
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
