#!/usr/bin/env python3
"""Self-test of the fake notification gateways: starts fake_notify.py as a child process and
drives its SMS and WhatsApp routes, its control API and its SMTP sink (through smtplib), in
every mode. Run: python3 tests/fakes/notify/test_fake_notify.py"""
import http.client
import json
import os
import subprocess
import sys
import unittest
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notify_fixture import Fake  # noqa: E402

TOKEN = "tok_test"
TEMPLATE = {"messaging_product": "whatsapp", "to": "4915112345678", "type": "template",
            "template": {"name": "confirmation", "language": {"code": "de"},
                         "components": [{"type": "body", "parameters": [
                             {"type": "text", "text": "Anna"},
                             {"type": "text", "text": "Dienstag, 10:00"}]}]}}


def sms_form(to="+4915112345678", body="Ihr Termin: Dienstag 10:00", sender="AskPro"):
    return urlencode({"To": to, "From": sender, "Body": body})


class HttpCase(unittest.TestCase):
    """A fake with a Bearer token per test class; reset before each test."""
    args = ["--token", TOKEN]

    @classmethod
    def setUpClass(cls):
        cls.fake = Fake(cls.args)

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def setUp(self):
        self.fake.control("reset")

    def post(self, path, body, key="key-1", token=TOKEN, json_body=False, timeout=10):
        headers = {"Content-Type": "application/json" if json_body else
                   "application/x-www-form-urlencoded"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if key is not None:
            headers["Idempotency-Key"] = key
        data = json.dumps(body) if json_body else body
        return self.fake.request("POST", path, data, headers, timeout)

    def outcomes(self):
        return [(a["channel"], a["outcome"], a["status"])
                for a in self.fake.control("attempts", method="GET")]

    def messages(self):
        return self.fake.control("messages", method="GET")


class SmsTest(HttpCase):
    def test_a_message_is_delivered_with_its_fields_and_key(self):
        status, answer = self.post("/sms", sms_form(body="Grüße: 10:00 & mehr"))
        self.assertEqual(status, 201)
        self.assertTrue(answer["sid"].startswith("SM"))
        [m] = self.messages()
        self.assertEqual((m["channel"], m["to"], m["from"], m["body"], m["idempotency_key"]),
                         ("sms", "+4915112345678", "AskPro", "Grüße: 10:00 & mehr", "key-1"))
        self.assertEqual(m["id"], answer["sid"])
        self.assertEqual(self.outcomes(), [("sms", "delivered", 201)])

    def test_the_token_is_checked(self):
        self.assertEqual(self.post("/sms", sms_form(), token=None)[0], 401)
        status, answer = self.post("/sms", sms_form(), token="wrong")
        self.assertEqual((status, answer["code"]), (401, 20003))
        self.assertEqual(self.messages(), [])
        self.assertEqual(self.outcomes(), [("sms", "unauthorized", 401)] * 2)

    def test_missing_fields_are_refused(self):
        self.assertEqual(self.post("/sms", urlencode({"Body": "x"}))[1]["code"], 21604)
        self.assertEqual(self.post("/sms", urlencode({"To": "+49151"}))[1]["code"], 21602)
        self.assertEqual(self.outcomes(), [("sms", "invalid", 400)] * 2)

    def test_the_same_key_is_delivered_once(self):
        first = self.post("/sms", sms_form())[1]
        again = self.post("/sms", sms_form())[1]
        self.assertEqual(first["sid"], again["sid"])
        self.assertEqual(len(self.messages()), 1)
        self.post("/sms", sms_form(), key="key-2")
        self.assertEqual(len(self.messages()), 2)
        self.assertEqual([o for _, o, _ in self.outcomes()], ["delivered", "duplicate",
                                                              "delivered"])

    def test_fail_and_reject(self):
        self.fake.control("mode", {"sms": "fail"})
        self.assertEqual(self.post("/sms", sms_form())[0], 500)
        self.fake.control("mode", {"sms": "reject"})
        self.assertEqual(self.post("/sms", sms_form())[0], 400)
        self.assertEqual(self.messages(), [])
        self.assertEqual(self.outcomes(), [("sms", "failed", 500), ("sms", "rejected", 400)])

    def test_hang_never_answers_until_the_mode_changes(self):
        self.fake.control("mode", {"sms": "hang"})
        with self.assertRaises(TimeoutError):
            self.post("/sms", sms_form(), timeout=0.3)
        conn = self.fake.connect(timeout=5)
        conn.request("POST", "/sms", sms_form(), {"Authorization": f"Bearer {TOKEN}",
                                                  "Idempotency-Key": "key-2"})
        self.fake.control("mode", {"sms": "ok"})
        with self.assertRaises(http.client.RemoteDisconnected):
            conn.getresponse()  # released: the connection ends without an answer
        self.assertEqual(self.outcomes(), [("sms", "hung", None)] * 2)
        self.assertEqual(self.post("/sms", sms_form())[0], 201)

    def test_the_token_can_be_changed_and_cleared(self):
        self.fake.control("auth", {"sms_token": "other"})
        self.assertEqual(self.post("/sms", sms_form())[0], 401)
        self.assertEqual(self.post("/sms", sms_form(), token="other")[0], 201)
        self.fake.control("auth", {"token": None})
        self.assertEqual(self.post("/sms", sms_form(), token=None, key="k3")[0], 201)
        self.fake.control("reset")  # back to the command line's token
        self.assertEqual(self.post("/sms", sms_form(), token=None)[0], 401)


class WhatsAppTest(HttpCase):
    def test_a_template_message_is_delivered(self):
        status, answer = self.post("/v17.0/1055/messages", TEMPLATE, json_body=True)
        self.assertEqual(status, 200)
        self.assertEqual(answer["messaging_product"], "whatsapp")
        self.assertEqual(answer["contacts"], [{"input": "4915112345678",
                                               "wa_id": "4915112345678"}])
        self.assertTrue(answer["messages"][0]["id"].startswith("wamid."))
        [m] = self.messages()
        self.assertEqual((m["to"], m["from"], m["template"], m["language"], m["parameters"],
                          m["idempotency_key"]),
                         ("4915112345678", "1055", "confirmation", "de",
                          ["Anna", "Dienstag, 10:00"], "key-1"))

    def test_any_prefix_and_no_components(self):
        plain = {**TEMPLATE, "template": {"name": "reminder", "language": {"code": "en"}}}
        self.assertEqual(self.post("/1055/messages", plain, json_body=True)[0], 200)
        self.assertEqual(self.post("/a/b/77/messages", TEMPLATE, key="k2", json_body=True)[0],
                         200)
        self.assertEqual([(m["from"], m["parameters"]) for m in self.messages()],
                         [("1055", []), ("77", ["Anna", "Dienstag, 10:00"])])

    def test_bad_payloads_are_refused_like_meta(self):
        bad = [{**TEMPLATE, "to": "+4915112345678"}, {**TEMPLATE, "type": "text"},
               {**TEMPLATE, "messaging_product": "sms"},
               {**TEMPLATE, "template": {"name": "x"}},
               {**TEMPLATE, "template": {"name": "x", "language": {"code": "de"},
                                         "components": [{"type": "body",
                                                         "parameters": [{"type": "image"}]}]}}]
        for payload in bad:
            status, answer = self.post("/v17.0/1055/messages", payload, json_body=True)
            self.assertEqual((status, answer["error"]["code"]), (400, 100), payload)
        self.assertEqual(self.post("/v17.0/1055/messages", "{", json_body=False)[0], 400)
        self.assertEqual(self.messages(), [])

    def test_token_fail_reject_hang(self):
        status, answer = self.post("/v17.0/1055/messages", TEMPLATE, token="no", json_body=True)
        self.assertEqual((status, answer["error"]["code"]), (401, 190))
        for mode, expected in (("fail", 500), ("reject", 400)):
            self.fake.control("mode", {"whatsapp": mode})
            self.assertEqual(self.post("/v17.0/1055/messages", TEMPLATE, json_body=True)[0],
                             expected)
        self.fake.control("mode", {"whatsapp": "hang"})
        with self.assertRaises(TimeoutError):
            self.post("/v17.0/1055/messages", TEMPLATE, json_body=True, timeout=0.3)
        self.assertEqual([o for _, o, _ in self.outcomes()],
                         ["unauthorized", "failed", "rejected", "hung"])
        self.assertEqual(self.messages(), [])


class ControlTest(HttpCase):
    args = []

    def test_modes_are_merged_checked_and_reset(self):
        self.assertEqual(self.fake.control("mode", {"email": "fail"}),
                         {"sms": "ok", "whatsapp": "ok", "email": "fail"})
        self.assertEqual(self.fake.control("mode", method="GET")["email"], "fail")
        for body in ({"sms": "slow"}, {"fax": "ok"}, ["sms"]):
            self.assertEqual(self.fake.request("POST", "/_control/mode", json.dumps(body))[0],
                             400)
        self.assertEqual(self.fake.control("reset"),
                         {"modes": {"sms": "ok", "whatsapp": "ok", "email": "ok"}})

    def test_without_a_token_none_is_checked(self):
        self.assertEqual(self.post("/sms", sms_form(), token=None)[0], 201)

    def test_reset_clears_the_logs(self):
        self.post("/sms", sms_form())
        self.fake.control("reset")
        self.assertEqual((self.messages(), self.outcomes()), ([], []))

    def test_unknown_routes(self):
        self.assertEqual(self.fake.request("GET", "/_control/nothing", "")[0], 404)
        self.assertEqual(self.fake.request("POST", "/_control/messages", "")[0], 404)
        self.assertEqual(self.fake.request("GET", "/sms", "")[0], 404)
        self.assertEqual(self.fake.request("POST", "/other", "")[0], 404)
        self.assertEqual(self.fake.request("POST", "/_control/auth", '{"x": 1}')[0], 400)


class ProcessTest(unittest.TestCase):
    def test_one_line_then_sigterm_exits_0(self):
        fake = Fake([])
        self.assertRegex(fake.line, r"^LISTENING [0-9]+ [0-9]+\n$")
        self.assertNotEqual(fake.port, fake.smtp_port)
        rc, out, _ = fake.stop()
        self.assertEqual((rc, out), (0, ""))

    def test_options_that_go_together(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_notify.py")
        for args in (["--smtp-user", "u"], ["--smtps"], ["--tls-cert", "c"]):
            done = subprocess.run([sys.executable, script, *args], capture_output=True,
                                  timeout=10)
            self.assertEqual(done.returncode, 2, args)
            self.assertEqual(done.stdout, b"")


def load_tests(loader, tests, _pattern):
    """This file's cases and the SMTP sink's (test_fake_notify_smtp.py)."""
    import test_fake_notify_smtp
    tests.addTests(loader.loadTestsFromModule(test_fake_notify_smtp))
    return tests


if __name__ == "__main__":
    unittest.main(verbosity=2)
