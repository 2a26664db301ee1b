#!/usr/bin/env python3
"""Self-test of the fake's SMTP sink through smtplib: delivery and decoding, dot-unstuffing,
command order, the "email" modes, AUTH PLAIN and LOGIN, STARTTLS and implicit TLS. Run on its
own or through test_fake_notify.py."""
import os
import smtplib
import ssl
import sys
import unittest
from email.message import EmailMessage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notify_fixture import Certificate, Fake  # noqa: E402

FROM = "noreply@askpro.test"
TO = "kunde@example.org"


def mail(key="<key-1@askpro>", subject="Terminbestätigung", body="Grüße!\nBis Dienstag.\n"):
    m = EmailMessage()
    m["From"], m["To"], m["Subject"], m["Message-ID"] = f"AskPro <{FROM}>", TO, subject, key
    m.set_content(body)
    return m


class SmtpCase(unittest.TestCase):
    args = []

    @classmethod
    def setUpClass(cls):
        cls.fake = Fake(cls.args)

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def setUp(self):
        self.fake.control("reset")

    def connect(self, timeout=10):
        client = smtplib.SMTP("127.0.0.1", self.fake.smtp_port, timeout=timeout)
        self.addCleanup(client.close)
        return client

    def messages(self):
        return self.fake.control("messages", method="GET")

    def outcomes(self):
        return [(a["outcome"], a["status"]) for a in self.fake.control("attempts", method="GET")]


class SmtpTest(SmtpCase):
    def test_a_message_arrives_decoded_with_its_key(self):
        with self.connect() as client:
            client.send_message(mail())
        [m] = self.messages()
        self.assertEqual((m["channel"], m["to"], m["from"], m["subject"], m["body"]),
                         ("email", TO, FROM, "Terminbestätigung", "Grüße!\nBis Dienstag.\n"))
        self.assertEqual(m["idempotency_key"], "<key-1@askpro>")
        self.assertIn("Message-ID: <key-1@askpro>", m["raw"])
        self.assertEqual((m["tls"], m["auth_user"]), (False, None))
        self.assertEqual(self.outcomes(), [("delivered", 250)])

    def test_dots_at_line_starts_are_unstuffed(self):
        raw = b"Subject: dots\r\nMessage-ID: <d@x>\r\n\r\n.one\r\n..two\r\n.\r\nend\r\n"
        with self.connect() as client:
            client.sendmail(FROM, [TO, "second@example.org"], raw)
        [m] = self.messages()
        self.assertEqual(m["raw"], raw.decode())
        self.assertEqual(m["recipients"], [TO, "second@example.org"])

    def test_the_same_message_id_is_delivered_once(self):
        with self.connect() as client:
            client.send_message(mail())
            client.send_message(mail())
            client.send_message(mail(key="<key-2@askpro>"))
        self.assertEqual(len(self.messages()), 2)
        self.assertEqual([o for o, _ in self.outcomes()], ["delivered", "duplicate", "delivered"])

    def test_commands_and_their_order(self):
        client = self.connect()
        self.assertEqual(client.docmd("MAIL", f"FROM:<{FROM}>")[0], 503)  # no EHLO yet
        self.assertEqual(client.ehlo()[0], 250)
        self.assertTrue(client.has_extn("8bitmime"))
        self.assertFalse(client.has_extn("starttls") or client.has_extn("auth"))
        self.assertEqual(client.helo()[0], 250)
        self.assertEqual(client.noop()[0], 250)
        self.assertEqual(client.verify(TO)[0], 252)
        self.assertEqual(client.docmd("BOGUS")[0], 500)
        self.assertEqual(client.docmd("AUTH", "PLAIN")[0], 503)
        self.assertEqual(client.rcpt(TO)[0], 503)
        self.assertEqual(client.docmd("DATA")[0], 503)
        self.assertEqual(client.mail(FROM)[0], 250)
        self.assertEqual(client.mail(FROM)[0], 503)
        self.assertEqual(client.docmd("DATA")[0], 503)
        self.assertEqual(client.rset()[0], 250)
        self.assertEqual(client.mail(FROM)[0], 250)
        self.assertEqual(client.docmd("RCPT", "TO:<>")[0], 501)
        self.assertEqual(client.quit()[0], 221)
        self.assertEqual(self.messages(), [])

    def test_fail_and_reject_answer_the_end_of_data(self):
        client = self.connect()
        for mode, code, outcome in (("fail", 451, "failed"), ("reject", 550, "rejected")):
            self.fake.control("mode", {"email": mode})
            with self.assertRaises(smtplib.SMTPDataError) as caught:
                client.send_message(mail())
            self.assertEqual(caught.exception.smtp_code, code)
            self.assertEqual(self.outcomes()[-1], (outcome, code))
        self.fake.control("mode", {"email": "ok"})
        client.send_message(mail())  # the session goes on
        self.assertEqual(len(self.messages()), 1)

    def test_hang_never_answers_the_end_of_data(self):
        self.fake.control("mode", {"email": "hang"})
        client = self.connect(timeout=0.3)
        with self.assertRaises(smtplib.SMTPServerDisconnected):
            client.send_message(mail())
        self.assertEqual(self.outcomes(), [("hung", None)])
        self.fake.control("mode", {"email": "ok"})
        with self.connect() as again:
            again.send_message(mail())
        self.assertEqual(len(self.messages()), 1)


class SmtpAuthTest(SmtpCase):
    args = ["--smtp-user", "mailer", "--smtp-password", "s3cret"]

    def authenticated(self, mechanism, password="s3cret", initial=True):
        client = self.connect()
        client.ehlo()
        client.user, client.password = "mailer", password
        authenticator = client.auth_plain if mechanism == "PLAIN" else client.auth_login
        client.auth(mechanism, authenticator, initial_response_ok=initial)
        return client

    def test_mail_needs_auth(self):
        client = self.connect()
        client.ehlo()
        self.assertIn("PLAIN", client.esmtp_features["auth"])
        self.assertIn("LOGIN", client.esmtp_features["auth"])
        self.assertEqual(client.mail(FROM)[0], 530)

    def test_plain_and_login_with_and_without_initial_responses(self):
        for mechanism in ("PLAIN", "LOGIN"):
            for initial in (True, False):
                key = f"<{mechanism}-{initial}@askpro>"
                self.authenticated(mechanism, initial=initial).send_message(mail(key=key))
        self.assertEqual([m["auth_user"] for m in self.messages()], ["mailer"] * 4)

    def test_wrong_credentials_and_mechanisms(self):
        for mechanism in ("PLAIN", "LOGIN"):
            with self.assertRaises(smtplib.SMTPAuthenticationError) as caught:
                self.authenticated(mechanism, password="wrong")
            self.assertEqual(caught.exception.smtp_code, 535)
        client = self.connect()
        client.ehlo()
        self.assertEqual(client.docmd("AUTH", "CRAM-MD5")[0], 504)


class TlsCase(SmtpCase):
    smtps = False

    @classmethod
    def setUpClass(cls):
        cls.certificate = Certificate()
        cls.args = ["--tls-cert", cls.certificate.cert, "--tls-key", cls.certificate.key]
        cls.args += ["--smtps"] if cls.smtps else []
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.certificate.remove()

    def context(self):
        return ssl.create_default_context(cafile=self.certificate.cert)


class StartTlsTest(TlsCase):
    def test_starttls_then_delivery(self):
        client = self.connect()
        client.ehlo()
        self.assertTrue(client.has_extn("starttls"))
        self.assertEqual(client.starttls(context=self.context())[0], 220)
        client.ehlo()
        self.assertFalse(client.has_extn("starttls"))
        self.assertEqual(client.docmd("STARTTLS")[0], 502)
        client.send_message(mail())
        self.assertEqual(self.messages()[0]["tls"], True)

    def test_plain_text_still_works_when_tls_is_not_asked_for(self):
        with self.connect() as client:
            client.send_message(mail())
        self.assertEqual(self.messages()[0]["tls"], False)


class SmtpsTest(TlsCase):
    smtps = True

    def test_tls_from_the_first_byte(self):
        with smtplib.SMTP_SSL("127.0.0.1", self.fake.smtp_port, context=self.context(),
                              timeout=10) as client:
            client.ehlo()
            self.assertFalse(client.has_extn("starttls"))
            client.send_message(mail())
        self.assertEqual(self.messages()[0]["tls"], True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
