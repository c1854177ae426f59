"""The approval queue's domain errors, under the library's one root ``ScreeningError``.

They carry no HTTP status: ``api/errors.py`` maps each class to one in a single table, and the web
pages show the sentence. Every message says what was wrong and what to do.
"""

from __future__ import annotations

from screening.errors import ScreeningError


class QueueError(ScreeningError):
    """Root of the approval queue's own errors."""


class NotAuthenticated(QueueError):
    """No credentials, or credentials that match no active user."""


class PermissionDenied(QueueError):
    """The user is known but their role (or their relation to the item) does not allow the action."""


class NotFound(QueueError):
    """No such item, or one the user may not see (never say which: that would leak other drafts)."""


class InvalidTransition(QueueError):
    """The action is not allowed from the submission's current status."""


class ClaimConflict(InvalidTransition):
    """Another reviewer holds, or is at this moment taking, the claim."""


class NotAuthorised(InvalidTransition):
    """The submission has no authorisation record because it is not authorised."""


class InvalidRequest(QueueError):
    """A value the caller gave is unusable (empty reason, unknown role, duplicate user name)."""
