"""The SMTP sink of the fake notification gateways: an asyncio server on its own thread that
speaks enough ESMTP for libcurl and smtplib (EHLO/HELO, STARTTLS, AUTH PLAIN and LOGIN, MAIL,
RCPT, DATA with dot-unstuffing, RSET, NOOP, VRFY, QUIT) and hands each message to the shared
State. The "email" mode decides the answer to the end of DATA. Standard library only."""
import asyncio
import base64
import binascii
import concurrent.futures
import email
import email.policy
import os
import re
import sys
import threading

IDLE_S = 300
HOST_NAME = "fake-notify"
VERBOSE = os.environ.get("FAKE_NOTIFY_VERBOSE") == "1"
MAIL_RE = re.compile(r"^FROM:\s*<([^>]*)>", re.IGNORECASE)
RCPT_RE = re.compile(r"^TO:\s*<([^>]*)>", re.IGNORECASE)


class Closed(Exception):
    """The session ends (QUIT, a hung message released, or the client went away)."""


def decode64(text):
    try:
        return base64.b64decode(text.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def parse_message(raw):
    """The parts of a received message the control API shows."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    try:
        body = msg.get_content() if msg.get_content_maintype() == "text" else ""
    except (LookupError, ValueError):
        body = ""
    return {"subject": str(msg.get("Subject", "")), "body": body.replace("\r\n", "\n"),
            "header_from": str(msg.get("From", "")), "header_to": str(msg.get("To", "")),
            "idempotency_key": str(msg.get("Message-ID", "")).strip(),
            "headers": [[k, str(v)] for k, v in msg.raw_items()],
            "raw": raw.decode("utf-8", "replace")}


class Session:
    """One SMTP connection."""

    def __init__(self, state, reader, writer, tls_context, implicit_tls):
        self.state, self.reader, self.writer = state, reader, writer
        self.tls_context = tls_context
        self.tls = implicit_tls
        self.greeted, self.user = False, None
        self.reset()

    def reset(self):
        self.mail_from, self.rcpts = None, []

    async def run(self):
        try:
            await self.reply(220, f"{HOST_NAME} ESMTP ready")
            while True:
                line = await self.read_line()
                verb, _, arg = line.partition(" ")
                if VERBOSE:  # the verb only: arguments carry addresses and credentials
                    sys.stderr.write(f"fake_notify smtp: {verb.upper()}\n")
                handler = COMMANDS.get(verb.upper())
                if handler is None:
                    await self.reply(500, "5.5.2 Command not recognized")
                else:
                    await handler(self, arg.strip())
        except (Closed, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError,
                ValueError, OSError):
            pass
        finally:
            self.writer.close()

    async def read_line(self):
        raw = await asyncio.wait_for(self.reader.readline(), IDLE_S)
        if not raw:
            raise Closed()
        return raw.decode("utf-8", "replace").rstrip("\r\n")

    async def reply(self, code, *lines):
        text = "".join(f"{code}-{line}\r\n" for line in lines[:-1]) + f"{code} {lines[-1]}\r\n"
        self.writer.write(text.encode("utf-8"))
        await self.writer.drain()

    def auth_required(self):
        return self.state.credential("smtp_user") is not None

    async def ehlo(self, arg):
        self.greeted = True
        self.reset()
        lines = [f"{HOST_NAME} greets {arg or 'you'}", "8BITMIME", "SIZE 10485760"]
        if self.tls_context is not None and not self.tls:
            lines.append("STARTTLS")
        if self.auth_required():
            lines.append("AUTH PLAIN LOGIN")
        await self.reply(250, *lines, "HELP")

    async def helo(self, _arg):
        self.greeted = True
        self.reset()
        await self.reply(250, HOST_NAME)

    async def starttls(self, _arg):
        if self.tls_context is None or self.tls:
            return await self.reply(502, "5.5.1 TLS not available")
        await self.reply(220, "2.0.0 Ready to start TLS")
        await self.writer.start_tls(self.tls_context)
        self.tls, self.greeted, self.user = True, False, None  # RFC 3207: start over
        self.reset()

    async def auth(self, arg):
        if not self.auth_required() or self.user is not None:
            return await self.reply(503, "5.5.1 AUTH not available")
        mech, _, initial = arg.partition(" ")
        if mech.upper() == "PLAIN":
            text = decode64(initial or await self.challenge(""))
            parts = text.split("\0") if text is not None else []
            user, password = (parts[1], parts[2]) if len(parts) == 3 else (None, None)
        elif mech.upper() == "LOGIN":
            user = decode64(initial or await self.challenge("VXNlcm5hbWU6"))
            password = decode64(await self.challenge("UGFzc3dvcmQ6"))
        else:
            return await self.reply(504, "5.5.4 Unrecognized authentication type")
        if (user is not None and user == self.state.credential("smtp_user")
                and password == self.state.credential("smtp_password")):
            self.user = user
            return await self.reply(235, "2.7.0 Authentication successful")
        await self.reply(535, "5.7.8 Authentication credentials invalid")

    async def challenge(self, text):
        await self.reply(334, text)
        return await self.read_line()

    async def mail(self, arg):
        if not self.greeted:
            return await self.reply(503, "5.5.1 Error: send HELO/EHLO first")
        if self.auth_required() and self.user is None:
            return await self.reply(530, "5.7.0 Authentication required")
        if self.mail_from is not None:
            return await self.reply(503, "5.5.1 Error: nested MAIL command")
        m = MAIL_RE.match(arg)
        if not m:
            return await self.reply(501, "5.5.4 Syntax: MAIL FROM:<address>")
        self.mail_from = m.group(1)
        await self.reply(250, "2.1.0 Ok")

    async def rcpt(self, arg):
        if self.mail_from is None:
            return await self.reply(503, "5.5.1 Error: need MAIL command")
        m = RCPT_RE.match(arg)
        if not m or not m.group(1):
            return await self.reply(501, "5.5.4 Syntax: RCPT TO:<address>")
        self.rcpts.append(m.group(1))
        await self.reply(250, "2.1.5 Ok")

    async def data(self, _arg):
        if not self.rcpts:
            return await self.reply(503, "5.5.1 Error: need RCPT command")
        await self.reply(354, "End data with <CR><LF>.<CR><LF>")
        chunks = []
        while True:
            raw = await asyncio.wait_for(self.reader.readline(), IDLE_S)
            if not raw:
                raise Closed()
            if raw in (b".\r\n", b".\n"):
                break
            chunks.append(raw[1:] if raw.startswith(b".") else raw)  # dot-unstuffing
        await self.accept(b"".join(chunks))
        self.reset()

    async def accept(self, raw):
        parts = parse_message(raw)
        key, mode = parts["idempotency_key"], self.state.mode("email")
        if mode == "hang":
            self.state.attempt("email", key, "hung", None)
            while self.state.is_hung("email"):
                await asyncio.sleep(0.05)
            raise Closed()  # never answered: the connection just ends
        if mode == "fail":
            self.state.attempt("email", key, "failed", 451)
            return await self.reply(451, "4.3.0 Temporary failure, try again later")
        if mode == "reject":
            self.state.attempt("email", key, "rejected", 550)
            return await self.reply(550, "5.7.1 Message rejected")
        rcpts, mail_from, user, tls = list(self.rcpts), self.mail_from, self.user, self.tls
        message = self.state.deliver_once("email", key, 250, lambda: {
            "to": rcpts[0], "recipients": rcpts, "from": mail_from, "auth_user": user,
            "tls": tls, "id": f"mail-{os.urandom(6).hex()}", **parts})
        await self.reply(250, f"2.0.0 Ok: queued as {message['id']}")

    async def rset(self, _arg):
        self.reset()
        await self.reply(250, "2.0.0 Ok")

    async def noop(self, _arg):
        await self.reply(250, "2.0.0 Ok")

    async def vrfy(self, _arg):
        await self.reply(252, "2.0.0 Cannot VRFY user")

    async def quit(self, _arg):
        await self.reply(221, "2.0.0 Bye")
        raise Closed()


COMMANDS = {"EHLO": Session.ehlo, "HELO": Session.helo, "STARTTLS": Session.starttls,
            "AUTH": Session.auth, "MAIL": Session.mail, "RCPT": Session.rcpt,
            "DATA": Session.data, "RSET": Session.rset, "NOOP": Session.noop,
            "VRFY": Session.vrfy, "QUIT": Session.quit}


def start(state, host, port, tls_context=None, implicit_tls=False):
    """Starts the sink on a daemon thread; returns its port. With `implicit_tls` the port
    speaks TLS from the first byte (smtps); otherwise `tls_context` enables STARTTLS."""
    ready = concurrent.futures.Future()

    async def serve():
        def session(reader, writer):
            return Session(state, reader, writer, tls_context, implicit_tls).run()
        try:
            server = await asyncio.start_server(session, host, port,
                                                ssl=tls_context if implicit_tls else None)
        except OSError as e:
            ready.set_exception(e)
            return
        ready.set_result(server.sockets[0].getsockname()[1])
        await server.serve_forever()

    threading.Thread(target=lambda: asyncio.run(serve()), daemon=True).start()
    return ready.result(timeout=10)
