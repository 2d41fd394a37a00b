"""STARTTLS, implicit TLS and AUTH against real aiosmtpd servers with a certificate made here."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from monitor.app import Monitor
from monitor.notify import digest

from .conftest import (
    Collector,
    Tls,
    append_alert,
    digest_events,
    make_config,
    start_server,
)

USER, PASSWORD = "desk-bot", "correct horse"


class AuthCollector(Collector):
    """Also remembers who logged in for each message."""

    def __init__(self) -> None:
        super().__init__()
        self.logins: list[str] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.logins.append(session.auth_data.login.decode() if session.auth_data else "")
        return await super().handle_DATA(server, session, envelope)


def check_password(server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and \
        auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def test_starttls_is_refused_without_the_ca_and_accepted_with_ca_file(monitor_at: Monitor, state: Path,
                                                                      tls: Tls) -> None:
    append_alert(monitor_at.store, "a1")
    srv = start_server(Collector(), tls_context=tls.server_context, require_starttls=True)
    try:
        (refused,) = digest.run(make_config(state, port=srv.port, security="starttls"))
        assert refused.status == "failed"
        assert "not trusted" in (refused.reason or "") and "ca_file" in (refused.reason or "")
        assert srv.messages == []
        (ok,) = digest.run(make_config(state, port=srv.port, security="starttls", ca_file=tls.ca_file))
        assert ok.status == "sent" and len(srv.messages) == 1
        assert [t for t, _ in digest_events(monitor_at.store)] == ["DigestFailed", "DigestSent"]
    finally:
        srv.stop()


def test_implicit_tls_with_ca_file(monitor_at: Monitor, state: Path, tls: Tls) -> None:
    append_alert(monitor_at.store, "a1")
    srv = start_server(Collector(), ssl_context=tls.server_context)
    try:
        (o,) = digest.run(make_config(state, port=srv.port, security="ssl", ca_file=tls.ca_file))
        assert o.status == "sent" and len(srv.messages) == 1
    finally:
        srv.stop()


def test_login_with_environment_credentials_over_starttls(monitor_at: Monitor, state: Path, tls: Tls,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    append_alert(monitor_at.store, "a1")
    handler = AuthCollector()
    srv = start_server(handler, tls_context=tls.server_context, require_starttls=True, authenticator=check_password,
                       auth_require_tls=True, auth_required=True)
    cfg = make_config(state, port=srv.port, security="starttls", ca_file=tls.ca_file)
    try:
        monkeypatch.delenv("MONITOR_SMTP_USER", raising=False)
        monkeypatch.delenv("MONITOR_SMTP_PASSWORD", raising=False)
        (anon,) = digest.run(cfg)
        assert anon.status == "failed" and "530" in (anon.reason or "")

        monkeypatch.setenv("MONITOR_SMTP_USER", USER)
        monkeypatch.setenv("MONITOR_SMTP_PASSWORD", "wrong")
        (bad,) = digest.run(cfg)
        assert bad.status == "failed" and "refused the login of 'desk-bot'" in (bad.reason or "")
        assert "wrong" not in (bad.reason or "")

        monkeypatch.setenv("MONITOR_SMTP_PASSWORD", PASSWORD)
        (good,) = digest.run(cfg)
        assert good.status == "sent"
        assert handler.logins == [USER]
        reasons = [d["reason"] for t, d in digest_events(monitor_at.store) if t == "DigestFailed"]
        assert len(reasons) == 2 and all("\n" not in r for r in reasons)
    finally:
        srv.stop()


def test_password_is_not_sent_in_clear_to_a_remote_host(state: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from email.message import EmailMessage

    from monitor.notify.smtp import DeliveryError, SmtpSettings, deliver

    settings = SmtpSettings("mail.example.org", 25, "none", 1.0, None, USER, PASSWORD)
    with pytest.raises(DeliveryError, match="unencrypted"):
        deliver(EmailMessage(), settings, sender="m@example.org", recipients=["d@example.org"])
