"""What the fake notification gateways share: each channel's mode, the credentials they check,
the log of delivered messages and the log of every attempt. Thread-safe (one lock); the HTTP
threads and the SMTP event loop both use it. Standard library only."""
import datetime as dt
import threading

CHANNELS = ("sms", "whatsapp", "email")
MODES = ("ok", "fail", "hang", "reject")


class ControlError(Exception):
    """A control request that cannot be applied (answered with 400)."""


def now_iso():
    """The current UTC time as 2025-01-02T03:04:05.678Z."""
    t = dt.datetime.now(dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class State:
    """Modes, credentials and logs. `defaults` are the command line's credentials, which a reset
    restores: {"sms_token", "whatsapp_token", "smtp_user", "smtp_password"} (None: not checked)."""

    def __init__(self, defaults):
        self.defaults = dict(defaults)
        self.cond = threading.Condition()
        self.stopping = False
        self.reset()

    def reset(self):
        with self.cond:
            self.modes = {c: "ok" for c in CHANNELS}
            self.auth = dict(self.defaults)
            self.messages, self.attempts = [], []
            self.cond.notify_all()
        return {"modes": self.mode()}

    def mode(self, channel=None):
        with self.cond:
            return self.modes[channel] if channel else dict(self.modes)

    def set_modes(self, body):
        if not isinstance(body, dict):
            raise ControlError("expected an object like {\"sms\": \"fail\"}")
        for channel, mode in body.items():
            if channel not in CHANNELS:
                raise ControlError(f"unknown channel {channel!r}")
            if mode not in MODES:
                raise ControlError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
        with self.cond:
            self.modes.update(body)
            self.cond.notify_all()  # hung requests look again
            return dict(self.modes)

    def set_auth(self, body):
        if not isinstance(body, dict):
            raise ControlError("expected an object")
        if "token" in body:  # both HTTP gateways at once
            body = {"sms_token": body["token"], "whatsapp_token": body["token"], **body}
            del body["token"]
        for key, value in body.items():
            if key not in self.defaults:
                raise ControlError(f"unknown credential {key!r}")
            if value is not None and not isinstance(value, str):
                raise ControlError(f"{key} must be a string or null")
        with self.cond:
            self.auth.update(body)
            return {k: v is not None for k, v in self.auth.items()}  # never the secrets

    def credential(self, key):
        with self.cond:
            return self.auth.get(key)

    def wait_while_hung(self, channel):
        """Blocks while `channel` is in mode "hang" (until the mode changes or the process
        stops). Returns at once when it is not."""
        with self.cond:
            while self.modes[channel] == "hang" and not self.stopping:
                self.cond.wait(0.5)

    def is_hung(self, channel):
        with self.cond:
            return self.modes[channel] == "hang" and not self.stopping

    def attempt(self, channel, key, outcome, status):
        """Logs one request and returns its record (`outcome` may still change)."""
        record = {"channel": channel, "idempotency_key": key, "outcome": outcome,
                  "status": status, "time": now_iso()}
        with self.cond:
            self.attempts.append(record)
        return record

    def delivered(self, channel, key):
        """The earlier delivered message of `channel` with idempotency key `key`, if any."""
        if not key:
            return None
        with self.cond:
            for m in self.messages:
                if m["channel"] == channel and m["idempotency_key"] == key:
                    return m
        return None

    def deliver(self, message):
        message = {**message, "time": now_iso()}
        with self.cond:
            message["seq"] = len(self.messages) + 1
            self.messages.append(message)
        return message

    def deliver_once(self, channel, key, status, make):
        """Delivers the message `make()` describes and logs the attempt, unless one with the
        same idempotency key was delivered on `channel` before: then that one is returned
        again (outcome "duplicate")."""
        with self.cond:
            earlier = self.delivered(channel, key)
            self.attempt(channel, key, "delivered" if earlier is None else "duplicate", status)
            if earlier is not None:
                return earlier
            return self.deliver({"channel": channel, "idempotency_key": key, **make()})

    def snapshot(self, what):
        with self.cond:
            return [dict(r) for r in getattr(self, what)]

    def stop(self):
        with self.cond:
            self.stopping = True
            self.cond.notify_all()
