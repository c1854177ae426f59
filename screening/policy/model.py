"""The policy file's schema: pydantic models that refuse unknown keys and bad values.

A typo in the YAML is an error naming the key and the file, never a silent default.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from screening.findings import CATEGORIES

Action = Literal["review", "block"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CategoryPolicy(_Strict):
    """How findings of one category turn into a decision, and which clause they cite."""

    clause: str = Field(min_length=1, description="The policy clause a finding of this category breaks.")
    threshold: float = Field(ge=0.0, le=1.0, description="Findings scoring below this are not reported.")
    action: Action = Field(description="What a reported finding does to the decision.")
    block_threshold: float | None = Field(
        default=None, ge=0.0, le=1.0, description="A finding scoring at or above this blocks, whatever `action` says."
    )
    block_severity: Literal["medium", "high"] | None = Field(
        default=None, description="A finding of this severity or worse blocks, whatever `action` says."
    )
    label_actions: dict[str, Action] = Field(
        default_factory=dict, description="Per-label overrides of `action` (label as the detector reports it)."
    )

    @model_validator(mode="after")
    def _block_above_review(self) -> CategoryPolicy:
        if self.block_threshold is not None and self.block_threshold < self.threshold:
            raise ValueError(
                f"block_threshold {self.block_threshold} is below threshold {self.threshold}; "
                "a finding must be reported before it can block."
            )
        return self


class TermList(_Strict):
    """An organisation term list (project codenames, client names, unannounced products)."""

    name: str = Field(min_length=1)
    description: str = ""
    action: Action
    terms: list[str] = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def _no_blank_terms(cls, terms: list[str]) -> list[str]:
        for term in terms:
            if not term.strip():
                raise ValueError("a term list holds an empty term; remove it or write the term")
        return terms


class AllowList(_Strict):
    """The organisation's own contact details, never reported as personal data."""

    emails: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    phone_numbers: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)


class Account(_Strict):
    """An official social-media account the organisation posts from."""

    handle: str = Field(min_length=1)
    platform: str = Field(min_length=1)
    owner: str = ""
    approval_required: bool | None = Field(
        default=None,
        description="Every post to this account needs an officer's approval, even when clean; "
        "unset means `official_accounts_require_approval`.",
    )


class Limits(_Strict):
    max_chars: int = Field(default=20_000, gt=0, description="Longest draft accepted, in characters.")


class Policy(_Strict):
    """The whole screening policy."""

    version: str = Field(min_length=1, description="The policy's own version, recorded in every result.")
    organisation: str = Field(min_length=1)
    authorisation_clause: str = Field(
        min_length=1, description="The clause requiring official postings to be authorised before publication."
    )
    detectors: list[str] = Field(min_length=1, description="Registered detector names to run, in order.")
    categories: dict[str, CategoryPolicy]
    allow_list: AllowList = Field(default_factory=AllowList)
    term_lists: list[TermList] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    official_accounts_require_approval: bool = True
    limits: Limits = Field(default_factory=Limits)
    prefilter: bool = Field(
        default=True,
        description="Let the cheap first stage spare the learned models the drafts they could not flag "
        "(rules still run on every draft); see screening.prefilter.",
    )
    fail_fast: bool = Field(
        default=False, description="Raise a detector's error instead of recording it and sending the draft to review."
    )

    @field_validator("categories")
    @classmethod
    def _exactly_the_five_categories(cls, categories: dict[str, CategoryPolicy]) -> dict[str, CategoryPolicy]:
        unknown = sorted(set(categories) - set(CATEGORIES))
        missing = [c for c in CATEGORIES if c not in categories]
        if unknown:
            raise ValueError(f"unknown categor{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
                             f"the categories are {', '.join(CATEGORIES)}")
        if missing:
            raise ValueError(f"missing categor{'y' if len(missing) == 1 else 'ies'} {', '.join(missing)}; "
                             "every category needs a clause, threshold and action")
        return categories

    @field_validator("detectors")
    @classmethod
    def _no_duplicate_detectors(cls, detectors: list[str]) -> list[str]:
        seen: set[str] = set()
        for name in detectors:
            if name in seen:
                raise ValueError(f"detector {name!r} is listed twice")
            seen.add(name)
        return detectors

    def account(self, handle: str | None) -> Account | None:
        """The official account with this handle (case-insensitive), if the policy lists it."""
        if handle is None:
            return None
        wanted = handle.strip().lower()
        return next((a for a in self.accounts if a.handle.lower() == wanted), None)

    def needs_approval(self, handle: str | None) -> bool:
        """Whether every post to this account needs an officer's approval, even a clean one."""
        account = self.account(handle)
        if account is None:
            return False
        if account.approval_required is None:
            return self.official_accounts_require_approval
        return account.approval_required
