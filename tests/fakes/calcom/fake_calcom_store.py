"""State of the fake Cal.com: event types, free slots and bookings. No HTTP here.

Every public Store method takes the store's lock and returns copies, so a handler thread can
serialise an answer while another thread changes the bookings. Wrong input raises ApiError,
which the server turns into Cal.com's error envelope.
"""
import copy
import datetime as dt
import re
import secrets
import threading
import uuid
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
ONE_DAY = dt.timedelta(days=1)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TAKEN = "User either already has booking at this time or is not available"
HOST_NAME = "Fake Host"
BUSY_STATUSES = ("accepted",)


class ApiError(Exception):
    """A refusal: HTTP status, Cal.com's error code and message."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def bad_request(message):
    return ApiError(400, "BadRequestException", message)


def not_found(message):
    return ApiError(404, "NotFoundException", message)


# --- values ----------------------------------------------------------------------------------

def as_int(value, what, minimum=None):
    """An integer (a JSON number or a string of digits); bools are refused."""
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value.strip()):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{what} must be an integer")
    if minimum is not None and value < minimum:
        raise bad_request(f"{what} must be at least {minimum}")
    return value


def as_object(value, what="body"):
    if not isinstance(value, dict):
        raise bad_request(f"{what} must be a JSON object")
    return value


def zone(name, what="timeZone"):
    try:
        return ZoneInfo(str(name))
    except Exception:  # unknown key, a path, an empty name: all "not a zone"
        raise bad_request(f"{what} is not a known time zone") from None


def now_utc():
    return dt.datetime.now(UTC)


def iso_utc(t):
    """`2026-12-01T08:00:00.000Z`."""
    return t.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def iso_in(t, tz):
    """`2026-12-01T09:00:00.000+01:00` in `tz` (`Z` when `tz` is UTC itself)."""
    if tz.key in ("UTC", "Etc/UTC"):
        return iso_utc(t)
    return t.astimezone(tz).isoformat(timespec="milliseconds")


def parse_instant(text, what):
    """An ISO 8601 date-time with `Z` or an offset (none: UTC) as an aware UTC datetime."""
    if not isinstance(text, str) or len(text.strip()) <= 10:
        raise bad_request(f"{what} must be an ISO 8601 date-time")
    s = text.strip()
    s = s[:19] + s[19:].replace(" ", "+")  # an unencoded '+' in a query arrives as ' '
    try:
        t = dt.datetime.fromisoformat(s)
    except ValueError:
        raise bad_request(f"{what} must be an ISO 8601 date-time") from None
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)


def parse_bound(text, what, tz, is_end):
    """A window bound: a date-time, or a date meaning that day's start (end: its end) in `tz`."""
    if not text:
        raise bad_request(f"{what} is required")
    if len(text.strip()) == 10:
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            raise bad_request(f"{what} must be an ISO 8601 date or date-time") from None
        day += ONE_DAY if is_end else dt.timedelta()
        return dt.datetime.combine(day, dt.time(), tz).astimezone(UTC)
    return parse_instant(text, what)


def minutes(n):
    return dt.timedelta(minutes=n)


# --- event types -----------------------------------------------------------------------------

def _clock(text, what):
    """`HH:MM` as minutes after midnight (`24:00` allowed as an end)."""
    try:
        h, m = (int(part) for part in str(text).split(":"))
    except ValueError:
        raise bad_request(f"{what}: '{text}' is not HH:MM") from None
    if not (0 <= h <= 24 and 0 <= m < 60) or h * 60 + m > 1440:
        raise bad_request(f"{what}: '{text}' is not a time of day")
    return h * 60 + m


def _hours(value):
    hours = {}
    for day, intervals in as_object(value, "hours").items():
        if day not in DAYS or not isinstance(intervals, list):
            raise bad_request(f"hours: '{day}' must be one of {', '.join(DAYS)} with a list")
        spans = []
        for pair in intervals:
            if not isinstance(pair, list) or len(pair) != 2:
                raise bad_request(f"hours.{day}: each interval is [\"HH:MM\", \"HH:MM\"]")
            lo, hi = _clock(pair[0], f"hours.{day}"), _clock(pair[1], f"hours.{day}")
            if lo >= hi:
                raise bad_request(f"hours.{day}: an interval must end after it starts")
            spans.append((lo, hi))
        hours[day] = spans
    return hours


class EventType:
    """`{"id", "length", "timezone", "hours": {"mon": [["09:00","18:00"]]}, "step"}`;
    optional `slug` and `title`. Days not listed are closed; `step` defaults to `length`."""

    def __init__(self, cfg):
        cfg = as_object(cfg, "an event type")
        self.config = copy.deepcopy(cfg)
        self.id = as_int(cfg.get("id"), "id")
        self.length = as_int(cfg.get("length"), "length", 1)
        self.step = as_int(cfg.get("step", self.length), "step", 1)
        self.tz = zone(cfg.get("timezone", cfg.get("timeZone", "UTC")), "timezone")
        self.hours = _hours(cfg.get("hours", {}))
        self.slug = str(cfg.get("slug") or f"{self.length}min")
        self.title = str(cfg.get("title") or f"{self.length} Min Meeting")

    def slot_starts(self, start, end, length):
        """UTC starts in [start, end) of `length`-minute slots inside the opening hours."""
        day = start.astimezone(self.tz).date() - ONE_DAY
        last = end.astimezone(self.tz).date() + ONE_DAY
        while day <= last:
            for t in self._day_starts(day, length):
                if start <= t < end:
                    yield t
            day += ONE_DAY

    def _day_starts(self, day, length):
        midnight = dt.datetime.combine(day, dt.time())
        for lo, hi in self.hours.get(DAYS[day.weekday()], ()):
            m = lo
            while m + length <= hi:
                yield (midnight + minutes(m)).replace(tzinfo=self.tz).astimezone(UTC)
                m += self.step


# --- bookings --------------------------------------------------------------------------------

def _span(booking):
    return parse_instant(booking["start"], "start"), parse_instant(booking["end"], "end")


def _attendee(value):
    a = as_object(value, "attendee")
    for field in ("name", "timeZone", "email"):
        if not isinstance(a.get(field), str) or not a[field]:
            raise bad_request(f"attendee.{field} is required")
    zone(a["timeZone"], "attendee.timeZone")
    out = {"name": a["name"], "email": a["email"], "timeZone": a["timeZone"],
           "language": a.get("language") or "en", "absent": False}
    if a.get("phoneNumber"):
        out["phoneNumber"] = str(a["phoneNumber"])
    return out


def _metadata(value):
    if value is None:
        return {}
    meta = as_object(value, "metadata")
    if not all(isinstance(v, str) for v in meta.values()):
        raise bad_request("metadata values must be strings")
    return dict(meta)


STATUS_FILTERS = {
    "upcoming": lambda b, end, now: b["status"] in ("accepted", "pending") and end >= now,
    "past": lambda b, end, now: b["status"] not in ("cancelled", "rejected") and end < now,
    "cancelled": lambda b, end, now: b["status"] in ("cancelled", "rejected"),
    "unconfirmed": lambda b, end, now: b["status"] == "pending" and end >= now,
    "recurring": lambda b, end, now: False,
}


def _status_filter(text):
    """`status=upcoming,cancelled`: Cal.com's filters, or a raw status (accepted, …)."""
    wanted = [w.strip() for w in text.split(",") if w.strip()]
    raw = ("accepted", "pending", "rejected")
    for w in wanted:
        if w not in STATUS_FILTERS and w not in raw:
            raise bad_request(f"status must be among {', '.join([*STATUS_FILTERS, *raw])}")
    now = now_utc()

    def keep(b):
        end = _span(b)[1]
        return any(b["status"] == w if w in raw else STATUS_FILTERS[w](b, end, now)
                   for w in wanted)
    return keep


class Store:
    def __init__(self):
        self.lock = threading.RLock()
        self.event_types = {}
        self.bookings = []  # creation order
        self.reservations = {}
        self._next_id = 1

    def reset(self):
        """Forgets bookings and reservations; event types stay."""
        with self.lock:
            self.bookings.clear()
            self.reservations.clear()

    def set_event_types(self, configs):
        if not isinstance(configs, list):
            raise bad_request("event types must be a JSON list")
        parsed = {et.id: et for et in map(EventType, configs)}
        with self.lock:
            self.event_types = parsed
            return len(parsed)

    def event_type_configs(self):
        with self.lock:
            return [copy.deepcopy(et.config) for et in self.event_types.values()]

    def _event_type(self, et_id):
        et = self.event_types.get(et_id)
        if et is None:
            raise not_found(f"Event type with id={et_id} not found")
        return et

    # slots

    def free_slots(self, et_id, start, end, length=None, ignore_uid=None):
        """(UTC starts of free slots in [start, end), slot length) for the event type."""
        with self.lock:
            et = self._event_type(et_id)
            length = length or et.length
            busy = [_span(b) for b in self.bookings
                    if b["status"] in BUSY_STATUSES and b["uid"] != ignore_uid]
            free = [t for t in et.slot_starts(start, end, length)
                    if not any(lo < t + minutes(length) and t < hi for lo, hi in busy)]
            return free, length

    def _require_free(self, et, start, length, ignore_uid=None):
        free, _ = self.free_slots(et.id, start, start + dt.timedelta(milliseconds=1),
                                  length, ignore_uid)
        if start not in free:
            raise bad_request(TAKEN)

    # bookings

    def _find(self, uid):
        for b in self.bookings:
            if b["uid"] == uid:
                return b
        raise not_found(f"Booking with uid={uid} not found")

    def _new_ids(self):
        n, self._next_id = self._next_id, self._next_id + 1
        return n, "bk_" + secrets.token_hex(6)

    def _add(self, et, start, length, attendees, metadata):
        booking_id, uid = self._new_ids()
        name = attendees[0]["name"] if attendees else "Guest"
        booking = {
            "id": booking_id, "uid": uid, "title": f"{et.title} between {HOST_NAME} and {name}",
            "description": "", "status": "accepted",
            "start": iso_utc(start), "end": iso_utc(start + minutes(length)), "duration": length,
            "eventTypeId": et.id, "eventType": {"id": et.id, "slug": et.slug},
            "attendees": attendees, "hosts": [], "guests": [], "location": "",
            "absentHost": False, "metadata": metadata, "createdAt": iso_utc(now_utc()),
        }
        self.bookings.append(booking)
        return booking

    def create(self, body):
        body = as_object(body)
        et_id = as_int(body.get("eventTypeId"), "eventTypeId")
        start = parse_instant(body.get("start"), "start")
        attendee = _attendee(body.get("attendee"))
        metadata = _metadata(body.get("metadata"))
        length = body.get("lengthInMinutes")
        length = None if length is None else as_int(length, "lengthInMinutes", 1)
        with self.lock:
            et = self._event_type(et_id)
            length = length or et.length
            self._require_free(et, start, length)
            return copy.deepcopy(self._add(et, start, length, [attendee], metadata))

    def get(self, uid):
        with self.lock:
            return copy.deepcopy(self._find(uid))

    def all(self):
        with self.lock:
            return copy.deepcopy(self.bookings)

    def list(self, query):
        """Bookings (oldest first) after `status`, `eventTypeId`, `afterStart`, `beforeEnd`,
        then `skip` and `take`."""
        keep = [lambda b: True]
        if query.get("status"):
            keep.append(_status_filter(query["status"]))
        if query.get("eventTypeId"):
            et_id = as_int(query["eventTypeId"], "eventTypeId")
            keep.append(lambda b: b.get("eventTypeId") == et_id)
        if query.get("afterStart"):
            after = parse_bound(query["afterStart"], "afterStart", UTC, False)
            keep.append(lambda b: _span(b)[0] >= after)
        if query.get("beforeEnd"):
            before = parse_bound(query["beforeEnd"], "beforeEnd", UTC, True)
            keep.append(lambda b: _span(b)[1] <= before)
        skip = as_int(query.get("skip", 0), "skip", 0)
        take = as_int(query.get("take", 100), "take", 1)
        with self.lock:
            found = [b for b in self.bookings if all(k(b) for k in keep)]
            return copy.deepcopy(found[skip:skip + take]), len(found)

    def cancel(self, uid, body):
        reason = as_object(body or {}).get("cancellationReason")
        with self.lock:
            b = self._find(uid)
            if b["status"] != "cancelled":
                b.update(status="cancelled", cancellationReason=reason,
                         updatedAt=iso_utc(now_utc()))
            return copy.deepcopy(b)

    def reschedule(self, uid, body):
        body = as_object(body)
        start = parse_instant(body.get("start"), "start")
        with self.lock:
            old = self._find(uid)
            if old["status"] in ("cancelled", "rejected"):
                raise bad_request(f"Booking with uid={uid} is {old['status']} and cannot be "
                                  "rescheduled")
            et = self._event_type(old.get("eventTypeId"))
            length = old.get("duration") or et.length
            self._require_free(et, start, length, ignore_uid=uid)
            new = self._add(et, start, length, copy.deepcopy(old.get("attendees", [])),
                            copy.deepcopy(old.get("metadata", {})))
            new.update(rescheduledFromUid=uid,
                       reschedulingReason=body.get("reschedulingReason"))
            old.update(status="cancelled", rescheduledToUid=new["uid"],
                       updatedAt=new["createdAt"])
            return copy.deepcopy(new)

    def mark_absent(self, uid, body):
        body = as_object(body or {})
        with self.lock:
            b = self._find(uid)
            if "host" in body:
                b["absentHost"] = bool(body["host"])
            for mark in body.get("attendees") or []:
                for a in b.get("attendees", []):
                    if isinstance(mark, dict) and a.get("email") == mark.get("email"):
                        a["absent"] = bool(mark.get("absent", True))
            return copy.deepcopy(b)

    def insert(self, raw):
        """A booking made elsewhere (Cal.com's UI): given fields kept, the rest filled in."""
        b = copy.deepcopy(as_object(raw, "a booking"))
        start = parse_instant(b.get("start"), "start")
        with self.lock:
            et = self.event_types.get(b.get("eventTypeId"))
            if b.get("end") is not None:
                end = parse_instant(b["end"], "end")
            else:
                end = start + minutes(as_int(b.get("duration") or (et.length if et else 30),
                                             "duration", 1))
            if "uid" in b and any(x["uid"] == b["uid"] for x in self.bookings):
                raise bad_request(f"a booking with uid={b['uid']} exists")
            booking_id, uid = self._new_ids()
            b.update(start=iso_utc(start), end=iso_utc(end),
                     duration=int((end - start).total_seconds() // 60))
            defaults = {"id": booking_id, "uid": uid, "title": "Booked in Cal.com",
                        "status": "accepted", "attendees": [], "hosts": [], "metadata": {},
                        "createdAt": iso_utc(now_utc())}
            if et:
                defaults["eventType"] = {"id": et.id, "slug": et.slug}
            for key, value in defaults.items():
                b.setdefault(key, value)
            if isinstance(b["id"], int) and b["id"] >= self._next_id:
                self._next_id = b["id"] + 1
            self.bookings.append(b)
            return copy.deepcopy(b)

    # reservations

    def reserve(self, body):
        body = as_object(body)
        et_id = as_int(body.get("eventTypeId"), "eventTypeId")
        start = parse_instant(body.get("slotStart"), "slotStart")
        hold = as_int(body.get("reservationDuration", 5), "reservationDuration", 1)
        with self.lock:
            et = self._event_type(et_id)
            reservation = {
                "reservationUid": str(uuid.uuid4()), "eventTypeId": et.id,
                "slotStart": iso_utc(start), "slotEnd": iso_utc(start + minutes(et.length)),
                "slotDuration": et.length, "reservationDuration": hold,
                "reservationUntil": iso_utc(now_utc() + minutes(hold)),
            }
            self.reservations[reservation["reservationUid"]] = reservation
            return dict(reservation)
