"""Hand a message to an SMTP server, turning every failure into one readable line.

The daemon must never die because a mail server is down or a password changed: `deliver`
raises only DeliveryError, whose message is what goes into DigestFailed and the log.
Certificates are always verified (ssl.create_default_context); `ca_file` replaces the
system store for a private server.
"""
from __future__ import annotations

import ipaddress
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from ..config import Config


class DeliveryError(Exception):
    """The message was not handed over; str() is one line saying why."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    security: Literal["starttls", "ssl", "none"]
    timeout: float
    ca_file: Path | None = None
    user: str | None = None
    password: str | None = None

    @classmethod
    def from_config(cls, config: Config) -> SmtpSettings:
        s = config.smtp
        return cls(s.host, s.port, s.security, s.timeout, config.ca_file, config.smtp_user, config.smtp_password)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class Delivered:
    """Who accepted the message (a server may refuse some recipients and take the rest)."""

    accepted: list[str]
    refused: dict[str, str]


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Verifying context: system CAs, or only `ca_file` when one is configured."""
    return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reply(code: int, resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {' '.join(text.split())}".strip()


def deliver(msg: EmailMessage, settings: SmtpSettings, *, sender: str, recipients: Sequence[str]) -> Delivered:
    """Send `msg` to `recipients`; raise DeliveryError with one line on any failure."""
    if not recipients:
        raise DeliveryError("no recipients: set [digest] to = [\"you@example.org\"]")
    if settings.user and settings.security == "none" and not _loopback(settings.host):
        raise DeliveryError(f"refusing to send the SMTP password unencrypted to {settings.where}: "
                            "set [smtp] security to \"starttls\" or \"ssl\"")
    if settings.ca_file is not None and not settings.ca_file.is_file():
        raise DeliveryError(f"[smtp] ca_file {settings.ca_file} does not exist")
    try:
        ctx = tls_context(settings.ca_file) if settings.security != "none" else None
    except (ssl.SSLError, OSError) as ex:
        raise DeliveryError(f"[smtp] ca_file {settings.ca_file} cannot be used: {ex}") from None
    client: smtplib.SMTP | None = None
    step = "connect"
    try:
        if settings.security == "ssl":
            client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=ctx)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        step = "greet"
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise DeliveryError(f"{settings.where} does not offer STARTTLS; set [smtp] security = \"ssl\" "
                                    "if it expects TLS from the start")
            step = "starttls"
            client.starttls(context=ctx)
            client.ehlo()
        if settings.user and settings.password:
            step = "login"
            client.login(settings.user, settings.password)
        elif settings.user or settings.password:
            raise DeliveryError("set both MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD, or neither")
        step = "send"
        refused = client.send_message(msg, from_addr=sender, to_addrs=list(recipients))
        accepted = [r for r in recipients if r not in refused]
        return Delivered(accepted, {r: _reply(c, t) for r, (c, t) in refused.items()})
    except DeliveryError:
        raise
    except ssl.SSLCertVerificationError as ex:
        raise DeliveryError(f"the certificate of {settings.where} is not trusted ({ex.verify_message}); "
                            "for a private server set [smtp] ca_file") from None
    except ssl.SSLError as ex:
        raise DeliveryError(f"TLS with {settings.where} failed during {step}: {ex.reason or ex}") from None
    except smtplib.SMTPAuthenticationError as ex:
        raise DeliveryError(f"{settings.where} refused the login of {settings.user!r}: {_reply(ex.smtp_code, ex.smtp_error)} "
                            "(check MONITOR_SMTP_USER / MONITOR_SMTP_PASSWORD)") from None
    except smtplib.SMTPNotSupportedError as ex:
        raise DeliveryError(f"{settings.where} does not support {step}: {ex}") from None
    except smtplib.SMTPRecipientsRefused as ex:
        who = "; ".join(f"{r}: {_reply(c, t)}" for r, (c, t) in ex.recipients.items())
        raise DeliveryError(f"{settings.where} refused every recipient ({who})") from None
    except smtplib.SMTPSenderRefused as ex:
        raise DeliveryError(f"{settings.where} refused the sender {ex.sender!r}: {_reply(ex.smtp_code, ex.smtp_error)} "
                            "(check [digest] from)") from None
    except smtplib.SMTPResponseException as ex:
        raise DeliveryError(f"{settings.where} answered {_reply(ex.smtp_code, ex.smtp_error)} during {step}") from None
    except smtplib.SMTPServerDisconnected as ex:
        raise DeliveryError(f"{settings.where} closed the connection during {step}: {ex or 'no reason given'}") from None
    except ConnectionRefusedError:
        raise DeliveryError(f"cannot connect to {settings.where}: connection refused (is the mail server running?)") from None
    except TimeoutError:
        raise DeliveryError(f"{settings.where} did not answer within {settings.timeout:g} s during {step}") from None
    except socket.gaierror as ex:
        raise DeliveryError(f"cannot resolve the mail server {settings.host!r}: {ex.strerror or ex}") from None
    except (smtplib.SMTPException, OSError) as ex:
        raise DeliveryError(f"sending through {settings.where} failed during {step}: {ex}") from None
    except (ValueError, UnicodeError) as ex:  # e.g. a non-ASCII address the server cannot take
        raise DeliveryError(f"the message could not be sent through {settings.where}: {ex}") from None
    finally:
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()
