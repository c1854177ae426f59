"""The pre-check page without a browser: form round trip and highlighted spans in the HTML."""

from __future__ import annotations

import pytest

from tests.approval_queue.web.conftest import Browser

pytestmark = pytest.mark.model


def test_precheck_page_shows_the_form(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<label for="text">' in page.text


def test_submitting_a_draft_marks_each_finding_with_its_explanation(client):
    page = Browser(client).post("/", {"text": "Ring Jane Doe on 07700 900123 tonight.", "account": ""})
    assert page.status_code == 200
    assert 'class="cat-pii"' in page.text
    assert 'role="tooltip"' in page.text
    assert "data protection" in page.text.lower()
    assert "removed]" in page.text  # the suggested rewrite redacts personal data


def test_empty_draft_is_answered_with_an_error_summary_linked_to_the_field(client):
    page = Browser(client).post("/", {"text": "   ", "account": ""})
    assert page.status_code == 422
    assert "empty" in page.text
    assert 'role="alert"' in page.text
    assert '<a href="#text">' in page.text
    assert 'aria-invalid="true"' in page.text


def test_anonymous_precheck_offers_sign_in_to_submit(client):
    page = Browser(client).post("/", {"text": "Ring Jane Doe on 07700 900123 tonight.", "account": ""})
    assert "/login?next=/" in page.text
    assert 'action="/submissions"' not in page.text
