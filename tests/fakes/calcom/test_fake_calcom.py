#!/usr/bin/env python3
"""Self-test of the fake Cal.com: starts fake_calcom.py as a child process and drives it over
HTTP. Run: python3 tests/fakes/calcom/test_fake_calcom.py"""
import json
import os
import socket
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from fakekit import ChildFake  # noqa: E402

SCRIPT = os.path.join(HERE, "fake_calcom.py")
KEY = "cal_test_key"
TAKEN = "User either already has booking at this time or is not available"
MON_9 = "2027-01-04T08:00:00.000Z"  # Monday 09:00 in Berlin (winter, +01:00)
BERLIN = {"id": 1201, "length": 30, "timezone": "Europe/Berlin", "step": 30,
          "hours": {"mon": [["09:00", "12:00"]], "tue": [["09:00", "12:00"]]}}


class Fake(ChildFake):
    """The fake as a child process on a kernel-chosen port."""

    def __init__(self, env=None):
        super().__init__(SCRIPT, ["--port", "0"], env)


def call(conn, method, path, body=None, key=KEY, version=None, headers=None):
    """(status, headers, parsed body or raw bytes) over `conn` (kept open: keep-alive)."""
    h = dict(headers or {})
    if key is not None:
        h["Authorization"] = f"Bearer {key}"
    if version:
        h["cal-api-version"] = version
    data = None if body is None else json.dumps(body).encode()
    if data is not None:
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=h)
    res = conn.getresponse()
    raw = res.read()
    assert len(raw) == int(res.getheader("Content-Length")), "Content-Length must be exact"
    try:
        return res.status, res, json.loads(raw)
    except ValueError:
        return res.status, res, raw


class FakeCalcomTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fake = Fake()

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def setUp(self):
        self.conn = self.fake.connect()
        self.control("reset")
        self.control("event_types", [BERLIN])

    def tearDown(self):
        self.conn.close()

    # helpers

    def control(self, what, body=None):
        status, _, data = call(self.conn, "POST", "/_control/" + what, body or {}, key=None)
        self.assertEqual(status, 200, data)
        return data

    def read(self, what):
        status, _, data = call(self.conn, "GET", "/_control/" + what, key=None)
        self.assertEqual(status, 200)
        return data

    def slots(self, query="eventTypeId=1201&start=2027-01-04&end=2027-01-04"
                          "&timeZone=Europe/Berlin", key=KEY, version="2024-09-04"):
        return call(self.conn, "GET", "/v2/slots?" + query, key=key, version=version)

    def book(self, start=MON_9, **changes):
        body = {"start": start, "eventTypeId": 1201, "metadata": {"askpro_request_key": "k1"},
                "attendee": {"name": "Anna", "timeZone": "Europe/Berlin",
                             "email": "anna@example.invalid", "phoneNumber": "+4930123456"}}
        body.update(changes)
        return call(self.conn, "POST", "/v2/bookings", body, version="2024-08-13")

    def booked(self, start=MON_9):
        status, _, data = self.book(start)
        self.assertEqual(status, 201, data)
        return data["data"]

    def assertEnvelope(self, result, status, code, message=None):
        got_status, _, body = result
        self.assertEqual(got_status, status, body)
        self.assertEqual(body["status"], "error")
        self.assertIn("timestamp", body)
        self.assertTrue(body["path"].startswith("/"))
        self.assertEqual(body["error"]["code"], code)
        if message is not None:
            self.assertEqual(body["error"]["message"], message)

    # start-up, keep-alive, auth

    def test_listening_line_and_keep_alive(self):
        self.assertRegex(self.fake.line, r"^LISTENING \d+\n$")
        sock_before = self.conn.sock
        for _ in range(3):
            self.assertEqual(self.slots()[0], 200)
        self.assertIs(self.conn.sock, sock_before)  # one connection for all three

    def test_auth(self):
        self.assertEnvelope(self.slots(key=None), 401, "UnauthorizedException", "Invalid API Key")
        self.assertEnvelope(self.slots(key="sk_wrong"), 401, "UnauthorizedException")
        self.control("faults", {"unauthorized": True})
        self.assertEnvelope(self.slots(), 401, "UnauthorizedException", "Invalid API Key")
        self.assertEqual(len(self.read("bookings")), 0)  # control needs no key
        self.control("faults", {"clear": True})
        self.assertEqual(self.slots()[0], 200)

    # slots

    def test_slots_grouped_in_time_zone_with_offsets(self):
        status, _, body = self.slots()
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "success")
        days = body["data"]
        self.assertEqual(list(days), ["2027-01-04"])
        starts = [s["start"] for s in days["2027-01-04"]]
        self.assertEqual(starts[0], "2027-01-04T09:00:00.000+01:00")
        self.assertEqual(starts[-1], "2027-01-04T11:30:00.000+01:00")
        self.assertEqual(len(starts), 6)
        self.assertNotIn("end", days["2027-01-04"][0])

    def test_slots_range_duration_utc_and_date_times(self):
        q = ("eventTypeId=1201&start=2027-01-04T08:00:00Z&end=2027-01-06T00:00:00%2B01:00"
             "&timeZone=Europe/Berlin&format=range&duration=60")
        _, _, body = self.slots(q)
        monday = body["data"]["2027-01-04"]
        self.assertEqual(monday[0], {"start": "2027-01-04T09:00:00.000+01:00",
                                     "end": "2027-01-04T10:00:00.000+01:00"})
        self.assertEqual(len(monday), 5)  # 60 min every 30 min: 09:00 … 11:00
        self.assertEqual(len(body["data"]["2027-01-05"]), 5)
        _, _, body = self.slots("eventTypeId=1201&start=2027-01-04&end=2027-01-10")
        self.assertEqual(body["data"]["2027-01-04"][0]["start"], "2027-01-04T08:00:00.000Z")
        self.assertEqual(sorted(body["data"]), ["2027-01-04", "2027-01-05"])  # rest closed

    def test_slots_need_version_and_known_event_type(self):
        self.assertEnvelope(self.slots(version=None), 400, "BadRequestException",
                            "cal-api-version 2024-09-04 required for /v2/slots")
        self.assertEnvelope(self.slots(version="2024-08-13"), 400, "BadRequestException")
        self.assertEnvelope(self.slots("eventTypeId=99&start=2027-01-04&end=2027-01-04"),
                            404, "NotFoundException")

    def test_old_slots_shape(self):
        status, _, body = call(self.conn, "GET", "/v2/slots/available?eventTypeId=1201"
                               "&startTime=2027-01-04T00:00:00Z&endTime=2027-01-05T00:00:00Z")
        self.assertEqual(status, 200)
        day = body["data"]["slots"]["2027-01-04"]
        self.assertEqual(day[0], {"time": "2027-01-04T08:00:00.000Z"})
        self.assertEqual(len(day), 6)

    # bookings

    def test_booking_created_and_slot_gone(self):
        b = self.booked()
        self.assertRegex(b["uid"], r"^bk_[0-9a-f]{12}$")
        self.assertIsInstance(b["id"], int)
        self.assertEqual((b["status"], b["start"], b["end"], b["duration"]),
                         ("accepted", MON_9, "2027-01-04T08:30:00.000Z", 30))
        self.assertEqual(b["eventTypeId"], 1201)
        self.assertEqual(b["eventType"]["id"], 1201)
        self.assertEqual(b["attendees"][0]["phoneNumber"], "+4930123456")
        self.assertEqual(b["metadata"], {"askpro_request_key": "k1"})
        self.assertEqual(b["hosts"], [])
        self.assertIn("createdAt", b)
        self.assertIn("title", b)
        starts = [s["start"] for s in self.slots()[2]["data"]["2027-01-04"]]
        self.assertEqual(starts[0], "2027-01-04T09:30:00.000+01:00")
        self.assertEqual(len(starts), 5)
        self.assertGreater(self.booked("2027-01-04T08:30:00Z")["id"], b["id"])

    def test_booking_refusals(self):
        self.booked()
        self.assertEnvelope(self.book(), 400, "BadRequestException", TAKEN)
        self.assertEnvelope(self.book("2027-01-04T06:00:00.000Z"), 400, "BadRequestException",
                            TAKEN)  # 07:00 local: closed
        self.assertEnvelope(self.book("2027-01-04T08:10:00.000Z"), 400, "BadRequestException",
                            TAKEN)  # not a slot start
        self.assertEnvelope(self.book("2027-01-04T10:30:00Z", lengthInMinutes=60), 400,
                            "BadRequestException", TAKEN)  # would run past 12:00
        no_mail = {"name": "Anna", "timeZone": "Europe/Berlin"}
        self.assertEnvelope(self.book("2027-01-04T09:00:00Z", attendee=no_mail), 400,
                            "BadRequestException", "attendee.email is required")
        self.assertEnvelope(self.book("2027-01-04T09:00:00Z", metadata={"n": 1}), 400,
                            "BadRequestException")
        self.assertEnvelope(self.book("2027-01-04T09:00:00Z", eventTypeId=7), 404,
                            "NotFoundException")
        plain = call(self.conn, "POST", "/v2/bookings", {"start": MON_9}, version="2024-09-04")
        self.assertEnvelope(plain, 400, "BadRequestException")
        self.assertEqual(len(self.read("bookings")), 1)

    def test_get_and_list_bookings(self):
        a = self.booked()
        b = self.booked("2027-01-05T09:00:00Z")
        status, _, body = call(self.conn, "GET", "/v2/bookings/" + a["uid"])
        self.assertEqual((status, body["data"]["uid"]), (200, a["uid"]))
        self.assertEnvelope(call(self.conn, "GET", "/v2/bookings/bk_nope"), 404,
                            "NotFoundException")

        def uids(query):
            status, _, body = call(self.conn, "GET", "/v2/bookings" + query)
            self.assertEqual(status, 200, body)
            return [x["uid"] for x in body["data"]]
        self.assertEqual(uids(""), [a["uid"], b["uid"]])  # newest last
        self.assertEqual(uids("?status=upcoming"), [a["uid"], b["uid"]])
        self.assertEqual(uids("?eventTypeId=1201&afterStart=2027-01-04T00:00:00Z"
                              "&beforeEnd=2027-01-05T00:00:00Z"), [a["uid"]])
        self.assertEqual(uids("?afterStart=2027-01-05T00:00:00Z"), [b["uid"]])
        self.assertEqual(uids("?eventTypeId=5"), [])
        call(self.conn, "POST", f"/v2/bookings/{a['uid']}/cancel", {})
        self.assertEqual(uids("?status=upcoming"), [b["uid"]])
        self.assertEqual(uids("?status=cancelled"), [a["uid"]])

    def test_cancel_is_idempotent_and_frees_the_slot(self):
        b = self.booked()
        path = f"/v2/bookings/{b['uid']}/cancel"
        for _ in range(2):
            status, _, body = call(self.conn, "POST", path, {"cancellationReason": "asked"})
            self.assertEqual((status, body["data"]["status"]), (200, "cancelled"))
        self.assertEqual(len(self.slots()[2]["data"]["2027-01-04"]), 6)
        self.assertEnvelope(call(self.conn, "POST", "/v2/bookings/bk_nope/cancel", {}), 404,
                            "NotFoundException")

    def test_reschedule(self):
        old = self.booked()
        other = self.booked("2027-01-04T09:00:00Z")
        path = f"/v2/bookings/{old['uid']}/reschedule"
        taken = call(self.conn, "POST", path, {"start": other["start"], "reschedulingReason": "x"})
        self.assertEnvelope(taken, 400, "BadRequestException", TAKEN)
        same = call(self.conn, "POST", path, {"start": MON_9})  # its own slot: allowed
        self.assertEqual(same[0], 201)
        first = same[2]["data"]
        status, _, body = call(self.conn, "POST", f"/v2/bookings/{first['uid']}/reschedule",
                               {"start": "2027-01-04T10:00:00Z", "reschedulingReason": "y"})
        self.assertEqual(status, 201, body)
        new = body["data"]
        self.assertNotEqual(new["uid"], first["uid"])
        self.assertEqual((new["status"], new["start"]), ("accepted", "2027-01-04T10:00:00.000Z"))
        self.assertEqual(new["metadata"], old["metadata"])
        self.assertEqual(new["attendees"][0]["email"], old["attendees"][0]["email"])
        moved = call(self.conn, "GET", f"/v2/bookings/{first['uid']}")[2]["data"]
        self.assertEqual((moved["status"], moved["rescheduledToUid"]), ("cancelled", new["uid"]))
        self.assertEnvelope(call(self.conn, "POST", "/v2/bookings/bk_nope/reschedule",
                                 {"start": MON_9}), 404, "NotFoundException")

    def test_mark_absent_and_reservation(self):
        b = self.booked()
        status, _, body = call(self.conn, "POST", f"/v2/bookings/{b['uid']}/mark-absent",
                               {"host": True})
        self.assertEqual((status, body["data"]["absentHost"]), (200, True))
        status, _, body = call(self.conn, "POST", "/v2/slots/reservations",
                               {"eventTypeId": 1201, "slotStart": "2027-01-04T09:00:00Z",
                                "reservationDuration": 5}, version="2024-09-04")
        self.assertEqual(status, 201, body)
        self.assertTrue(body["data"]["reservationUid"])

    # faults

    def test_latency(self):
        self.control("faults", {"latency_ms": 300})
        t = time.monotonic()
        self.assertEqual(self.slots()[0], 200)
        self.assertGreaterEqual(time.monotonic() - t, 0.29)

    def test_fail_500_counts_and_forever(self):
        self.control("faults", {"fail_500": 2})
        for _ in range(2):
            self.assertEnvelope(self.slots(), 500, "InternalServerErrorException")
        self.assertEqual(self.slots()[0], 200)
        self.control("faults", {"fail_500": -1})
        for _ in range(3):
            self.assertEqual(self.slots()[0], 500)
        self.control("faults", {"clear": True})
        self.assertEqual(self.slots()[0], 200)

    def test_malformed(self):
        self.control("faults", {"malformed": 1})
        status, _, body = self.slots()
        self.assertEqual((status, body), (200, b'{"status":"success","data":'))
        self.assertEqual(self.slots()[0], 200)  # same connection still in step

    def test_hang_until_cleared(self):
        self.control("faults", {"hang": True})
        hung = self.fake.connect(timeout=0.5)
        with self.assertRaises((socket.timeout, TimeoutError)):
            call(hung, "GET", "/v2/slots?eventTypeId=1201&start=2027-01-04&end=2027-01-04",
                 version="2024-09-04")
        hung.close()
        self.control("faults", {"clear": True})
        self.assertEqual(self.slots()[0], 200)

    # rate limit and stats

    def test_rate_limit_and_stats(self):
        self.control("limit", {"per_min": 3})
        self.control("faults", {"fail_500": 1})
        self.assertEqual(self.slots()[0], 500)  # a faulted request counts
        self.assertEqual(self.slots()[0], 200)
        self.assertEqual(self.slots()[0], 200)
        status, res, body = self.slots()
        self.assertEnvelope((status, res, body), 429, "ThrottlerException")
        self.assertTrue(1 <= int(res.getheader("Retry-After")) <= 60)
        self.assertEqual(self.slots()[0], 429)  # rejections do not extend the window
        self.assertEqual(self.slots(key="cal_other")[0], 200)  # per key
        stats = self.read("stats")
        self.assertEqual(stats["rejected_429"], 2)
        self.assertEqual(stats["max_in_any_60s"], {KEY: 3, "cal_other": 1})
        self.assertEqual(stats["requests_total"], 6)
        self.assertEqual(stats["by_route"], {"GET /v2/slots": 6})
        self.control("clear_log")
        self.assertEqual(self.read("stats"), {"requests_total": 0, "by_route": {},
                                              "max_in_any_60s": {}, "rejected_429": 0})
        self.assertEqual(self.slots()[0], 200)  # the window went with the log

    # control API

    def test_reset_and_inserted_bookings(self):
        made = self.control("bookings", {"start": MON_9, "eventTypeId": 1201,
                                         "metadata": {"from": "ui"}})
        self.assertTrue(made["uid"])
        self.assertEqual(made["end"], "2027-01-04T08:30:00.000Z")
        self.assertEnvelope(self.book(), 400, "BadRequestException", TAKEN)
        self.assertEqual(self.read("bookings")[0]["metadata"], {"from": "ui"})
        self.control("faults", {"fail_500": -1})
        self.control("limit", {"per_min": 5})
        self.assertEqual(self.read("faults")["fail_500"], -1)
        self.control("reset")
        self.assertEqual(self.read("bookings"), [])
        self.assertEqual(self.read("faults")["fail_500"], 0)
        self.assertEqual(self.read("limit"), {"per_min": 120})
        self.assertEqual(self.read("event_types")[0]["id"], 1201)  # kept
        self.assertEqual(self.read("stats")["requests_total"], 0)
        bad = call(self.conn, "POST", "/_control/faults", {"hangg": True}, key=None)
        self.assertEqual(bad[0], 400)


class ProcessTest(unittest.TestCase):
    def test_sigterm_exits_cleanly_even_while_a_request_hangs(self):
        fake = Fake()
        conn = fake.connect()
        call(conn, "POST", "/_control/faults", {"hang": True}, key=None)
        hung = socket.create_connection(("127.0.0.1", fake.port))
        hung.sendall(b"GET /v2/slots HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer cal_k\r\n\r\n")
        time.sleep(0.2)
        t = time.monotonic()
        rc, out, err = fake.stop()
        self.assertLess(time.monotonic() - t, 3)
        self.assertEqual((rc, out, err), (0, "", ""))  # stdout held only the LISTENING line
        hung.close()
        conn.close()

    def test_verbose_log_on_stderr_without_the_key(self):
        fake = Fake({"FAKE_CALCOM_VERBOSE": "1"})
        conn = fake.connect()
        call(conn, "GET", "/v2/bookings", key="cal_secret_value")
        conn.close()
        rc, out, err = fake.stop()
        self.assertEqual((rc, out), (0, ""))
        self.assertIn("GET /v2/bookings", err)
        self.assertNotIn("cal_secret_value", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
