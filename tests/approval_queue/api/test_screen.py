"""POST /api/v1/screen, /healthz and the API's error bodies, over HTTP with the real models."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_screen_returns_the_to_dict_shape_with_exact_spans(client):
    text = "Please contact Jane Doe at jane.doe@example.com or 07700 900123 about her claim."
    response = client.post("/api/v1/screen", json={"text": text})
    assert response.status_code == 200
    body = response.json()
    assert body["decision"] in ("review", "block")
    assert set(body["scores"]) == {"offensive", "discriminatory", "defamatory", "pii", "confidential"}
    labels = {f["label"] for f in body["findings"]}
    assert "EMAIL_ADDRESS" in labels
    for f in body["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["policy_clause"]


def test_clean_draft_is_allowed_and_official_account_still_needs_approval(client):
    text = "Enrolment for our spring welding courses is now open. See the website for dates."
    personal = client.post("/api/v1/screen", json={"text": text, "account": "personal"}).json()
    official = client.post("/api/v1/screen", json={"text": text, "account": "@NorthfieldInst"}).json()
    assert personal["decision"] == official["decision"] == "allow"
    assert personal["approval_required"] is False
    assert official["approval_required"] is True


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"json": {"text": ""}}, 422, "empty"),
        ({"json": {"text": "   "}}, 422, "empty"),
        ({"json": {}}, 422, "'text' is required"),
        ({"json": {"text": "hi", "colour": "red"}}, 422, "'colour' is not allowed"),
        ({"json": {"text": "x" * 20_001}}, 422, "over the limit"),
        ({"content": b'{"text": "unclosed', "headers": {"content-type": "application/json"}}, 422, "not valid JSON"),
        ({"content": b'{"text": "\xff\xfe"}', "headers": {"content-type": "application/json"}}, 422, "not valid JSON"),
        ({"content": b"x" * 1_000_001, "headers": {"content-type": "application/json"}}, 413, "over the limit"),
    ],
)
def test_bad_requests_get_a_json_error_sentence(client, kwargs, status, fragment):
    response = client.post("/api/v1/screen", **kwargs)
    assert response.status_code == status
    error = response.json()["error"]
    assert fragment in error["message"]
    assert error["code"]


def test_healthz_reports_loaded_detectors(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert "pii.presidio.v1" in body["detectors"]


def test_openapi_schema_lists_the_screen_endpoint(client):
    schema = client.get("/openapi.json").json()
    assert "/api/v1/screen" in schema["paths"]


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_docs_page_is_served_without_any_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_an_oversize_body_answer_also_carries_security_headers(client):
    response = client.post("/api/v1/screen", content=b"x" * 1_000_001, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"
