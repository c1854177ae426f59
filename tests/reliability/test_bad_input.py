"""Bad input on the JSON API: oversize bodies, wrong content types, malformed and non-UTF-8 JSON,
huge single lines. Each gets a clear status and a sentence; limits come from the settings; a
refused request stores nothing, and the next good one is stored as usual.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.reliability.conftest import bearer

pytestmark = pytest.mark.model

DRAFT = "Our welding open day is on Saturday; everyone is welcome."
ENDPOINTS = ["/api/v1/screen", "/api/v1/submissions"]

BAD_BODIES = [
    # (id, request kwargs, status, fragment of the message)
    ("text/plain", {"content": DRAFT.encode(), "headers": {"content-type": "text/plain"}}, 415, "takes JSON"),
    ("json-as-text/plain", {"content": b'{"text": "hi"}', "headers": {"content-type": "text/plain"}}, 415,
     "Content-Type: application/json"),
    ("form", {"data": {"text": DRAFT}}, 415, "takes JSON"),
    ("multipart", {"files": {"text": ("draft.txt", DRAFT.encode(), "text/plain")}}, 415, "takes JSON"),
    ("xml", {"content": b"<text>hi</text>", "headers": {"content-type": "application/xml"}}, 415, "takes JSON"),
    ("no content type", {"content": b'{"text": "hi"}', "headers": {"content-type": ""}}, 415, "takes JSON"),
    ("malformed", {"content": b'{"text": "unclosed', "headers": {"content-type": "application/json"}}, 422,
     "not valid JSON"),
    ("trailing comma", {"content": b'{"text": "hi",}', "headers": {"content-type": "application/json"}}, 422,
     "not valid JSON"),
    ("latin-1", {"content": '{"text": "café"}'.encode("latin-1"), "headers": {"content-type": "application/json"}},
     422, "not valid JSON"),
    ("lone surrogate escape", {"content": b'{"text": "\\ud800 x"}', "headers": {"content-type": "application/json"}},
     422, "unpaired surrogate"),
    ("a list", {"json": [DRAFT]}, 422, "Invalid request"),
    ("a number", {"json": 42}, 422, "Invalid request"),
    ("text is a number", {"json": {"text": 42}}, 422, "text"),
    ("text is null", {"json": {"text": None}}, 422, "text"),
    ("unknown field", {"json": {"text": DRAFT, "colour": "red"}}, 422, "'colour' is not allowed"),
    ("empty", {"json": {"text": ""}}, 422, "empty"),
    ("whitespace only", {"json": {"text": " \n\t\u200b "}}, 422, "empty"),
    ("over max_chars", {"json": {"text": "x" * 20_001}}, 422, "over the limit of 20,000"),
    ("huge single line", {"json": {"text": "word-" * 150_000}}, 422, "over the limit"),
    ("over max_body_bytes", {"content": b'{"text": "' + b"x" * 1_000_000 + b'"}',
                             "headers": {"content-type": "application/json"}}, 413, "over the limit of 1,000,000 bytes"),
]


def stored_counts(client) -> tuple[int, int]:
    from approval_queue.models import Event, Submission

    with client.app.state.db.read() as session:
        return (int(session.scalar(select(func.count()).select_from(Submission)) or 0),
                int(session.scalar(select(func.count()).select_from(Event)) or 0))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("kwargs", "status", "fragment"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES])
def test_bad_body_gets_a_clear_error_and_stores_nothing(queue_client, endpoint, kwargs, status, fragment):
    kwargs = dict(kwargs)  # the table is shared between parameter sets
    headers = {**bearer(queue_client.tokens["author"]), **kwargs.pop("headers", {})}
    before = stored_counts(queue_client)
    response = queue_client.post(endpoint, headers=headers, **kwargs)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert fragment in error["message"]
    assert error["message"].rstrip().endswith(".")  # a sentence, not a stack trace
    assert "Traceback" not in response.text
    assert stored_counts(queue_client) == before
    good = queue_client.post(endpoint, headers=bearer(queue_client.tokens["author"]), json={"text": DRAFT})
    assert good.status_code in (200, 201)


def test_a_draft_of_exactly_max_chars_on_one_line_is_screened_and_stored(queue_client):
    text = ("Weld" * 5_000)[:20_000]
    response = queue_client.post("/api/v1/submissions", headers=bearer(queue_client.tokens["author"]),
                                 json={"text": text})
    assert response.status_code == 201
    assert response.json()["text"] == text


def test_body_streamed_without_content_length_is_cut_off_at_the_limit(queue_client):
    def chunks():
        yield b'{"text": "'
        for _ in range(300):
            yield b"y" * 4096
        yield b'"}'

    response = queue_client.post("/api/v1/screen", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "over the limit" in response.json()["error"]["message"]


def test_body_limit_follows_the_max_body_bytes_setting(tmp_path, screener):
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    settings = Settings(environment="test", var_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'q.db'}",
                        background_tasks=False, max_body_bytes=300)
    with TestClient(create_app(settings=settings, screener=screener)) as client:
        fits = client.post("/api/v1/screen", json={"text": "w" * 250})
        over = client.post("/api/v1/screen", json={"text": "w" * 300})
    assert fits.status_code == 200
    assert over.status_code == 413
    assert "300 bytes" in over.json()["error"]["message"]


@pytest.mark.parametrize("path", ["/api/v1/queue/claim", "/api/v1/submissions/1/release"])
def test_bodiless_posts_need_no_content_type(queue_client, path):
    response = queue_client.post(path, headers=bearer(queue_client.tokens["reviewer"]))
    assert response.status_code != 415


def test_idempotency_key_over_the_limit_is_refused_with_a_sentence(queue_client):
    response = queue_client.post("/api/v1/submissions", headers=bearer(queue_client.tokens["author"]),
                                 json={"text": DRAFT, "idempotency_key": "k" * 201})
    assert response.status_code == 422
    assert "idempotency_key" in response.json()["error"]["message"]
