"""Service settings, read once at start-up from the environment (prefix ``SCREENING_``).

The embedded defaults run anywhere with nothing installed beside the project: SQLite under
``var/``, the shipped policy and models. A setting that would be unsafe is refused, not defaulted.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_VAR = REPO_ROOT / "var"


class Settings(BaseSettings):
    """Every knob of the service. Environment: ``SCREENING_<FIELD>`` (e.g. ``SCREENING_DATABASE_URL``)."""

    model_config = SettingsConfigDict(env_prefix="SCREENING_", extra="ignore", frozen=True)

    environment: Literal["development", "test", "production"] = "development"
    var_dir: Path = DEFAULT_VAR
    database_url: str = ""
    policy_path: Path | None = None
    secret_key: str = ""
    max_body_bytes: int = Field(default=1_000_000, gt=0, description="Largest request body accepted.")
    max_upload_bytes: int = Field(default=200_000_000, gt=0, description="Largest audit upload accepted.")
    claim_lease_seconds: int = Field(default=900, gt=0, description="A reviewer's claim lapses after this.")
    sla_hours_high: float = Field(default=4, gt=0, description="Review SLA for high-priority (blocked) items.")
    sla_hours_normal: float = Field(default=24, gt=0, description="Review SLA for normal items.")
    expiry_days: int = Field(default=90, gt=0, description="Undecided items expire after this many days.")
    retention_days: int | None = Field(default=None, gt=0, description="Purge decided drafts' text after N days.")
    webhook_urls: list[str] = Field(default_factory=list)
    smtp_host: str | None = None
    smtp_port: int = 25
    mail_from: str = "screening@localhost"
    mail_to: list[str] = Field(default_factory=list)
    notify_max_attempts: int = Field(default=6, gt=0, description="Give up on a notification after this many tries.")
    notify_backoff_seconds: float = Field(default=5, gt=0, description="First retry delay; doubles each try.")
    notify_backoff_max_seconds: float = Field(default=3600, gt=0, description="Longest delay between retries.")
    notify_timeout_seconds: float = Field(default=10, gt=0, description="Per-attempt timeout (webhook, SMTP).")
    outbox_poll_seconds: float = Field(default=2, gt=0, description="How often the worker sends due notifications.")
    maintenance_interval_seconds: float = Field(
        default=60, gt=0, description="How often lapsed claims, SLA breaches and expiry are processed."
    )
    background_tasks: bool = Field(default=True, description="Run the outbox and maintenance loops in the service.")
    login_rate_per_minute: int = Field(default=10, gt=0)
    api_rate_per_minute: int = Field(default=600, gt=0)
    cookie_secure: bool = False

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if url and not url.startswith(("sqlite", "postgresql")):
            raise ValueError(
                f"SCREENING_DATABASE_URL {url.split('@')[-1]!r} is neither SQLite nor PostgreSQL; "
                "use sqlite:///path or postgresql+psycopg://user@host/db"
            )
        return url

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production":
            if len(self.secret_key) < 32:
                raise ValueError(
                    "SCREENING_SECRET_KEY must be set to at least 32 random characters in production "
                    "(it signs session cookies and CSRF tokens)"
                )
            if not self.cookie_secure:
                raise ValueError("SCREENING_COOKIE_SECURE must be true in production (cookies only over HTTPS)")
        return self

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'screening.db'}"

    def resolved_secret_key(self) -> str:
        """The signing key: the configured one, or a random one kept in ``var/`` for development."""
        if self.secret_key:
            return self.secret_key
        self.var_dir.mkdir(parents=True, exist_ok=True)
        key_file = self.var_dir / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(48), encoding="utf-8")
            key_file.chmod(0o600)
        return key_file.read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
