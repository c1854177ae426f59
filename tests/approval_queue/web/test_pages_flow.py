"""The pages over the real domain (TestClient, SQLite): review with diffs and the authorisation
record, the account directory deciding approval, incidents, audit jobs and the dashboard."""

from __future__ import annotations

import time

import pytest

from tests.approval_queue.conftest import CLEAN, FLAGGED

pytestmark = pytest.mark.model


def _submit(author, text: str, account: str = "") -> int:
    response = author.post("/submissions", {"text": text, "account": account})
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_review_round_trip_shows_diff_and_authorisation_record(browser_for):
    alice, rob = browser_for("alice"), browser_for("rob")
    sid = _submit(alice, FLAGGED)
    queue = rob.client.get("/queue").text
    assert f'action="/queue/{sid}/claim"' in queue
    assert rob.post(f"/queue/{sid}/claim").status_code == 303
    assert rob.post(f"/queue/{sid}/decide", {"action": "request_changes",
                                              "reason": "Take out the phone number."}).status_code == 303
    mine = alice.client.get(f"/submissions/{sid}").text
    assert "Take out the phone number." in mine and 'action="/submissions/' in mine
    assert alice.post(f"/submissions/{sid}/resubmit",
                      {"text": "Please call the office about the complaint before Friday."}).status_code == 303
    rob.post(f"/queue/{sid}/claim")
    item = rob.client.get(f"/queue/{sid}").text
    assert '<del><span class="diff-label">removed:</span>' in item
    assert '<ins><span class="diff-label">added:</span>' in item
    assert rob.post(f"/queue/{sid}/decide", {"action": "approve", "reason": "Fine now."}).status_code == 303
    page = alice.client.get(f"/submissions/{sid}").text
    assert "Authorisation record" in page and "rob" in page
    import hashlib

    digest = hashlib.sha256(b"Please call the office about the complaint before Friday.").hexdigest()
    assert digest in page


def test_decision_without_a_reason_lists_the_error_and_changes_nothing(browser_for):
    alice, rob = browser_for("alice"), browser_for("rob")
    sid = _submit(alice, FLAGGED)
    rob.post(f"/queue/{sid}/claim")
    page = rob.post(f"/queue/{sid}/decide", {"action": "reject", "reason": "  "})
    assert page.status_code == 422
    assert '<a href="#reason">' in page.text and 'aria-invalid="true"' in page.text
    assert "In review" in rob.client.get(f"/queue/{sid}").text


def test_authors_never_see_the_review_item_page(browser_for):
    alice = browser_for("alice")
    sid = _submit(alice, FLAGGED)
    assert alice.client.get(f"/queue/{sid}").status_code == 403
    assert alice.post(f"/queue/{sid}/claim").status_code == 403


def test_an_author_cannot_open_someone_elses_submission(browser_for, web_app):
    web_app.state.users.add("amir", "author", password="correct horse battery")
    sid = _submit(browser_for("alice"), FLAGGED)
    assert browser_for("amir").client.get(f"/submissions/{sid}").status_code == 404


def test_escalation_is_decided_by_an_admin(browser_for):
    alice, rob, ada = browser_for("alice"), browser_for("rob"), browser_for("ada")
    sid = _submit(alice, FLAGGED)
    rob.post(f"/queue/{sid}/claim")
    rob.post(f"/queue/{sid}/decide", {"action": "escalate", "reason": "Policy question for the admins."})
    assert f"/queue/{sid}" in ada.client.get("/escalations").text
    assert 'value="escalate"' not in ada.client.get(f"/queue/{sid}").text
    assert ada.post(f"/queue/{sid}/decide", {"action": "reject", "reason": "Not for publication."}).status_code == 303
    assert "Rejected" in alice.client.get(f"/submissions/{sid}").text


@pytest.mark.parametrize(("filters", "shown"), [
    ("category=pii", True), ("category=offensive", False), ("account=%40NorthfieldInst", True),
    ("account=northfield-institute", False), ("status=pending_review", True), ("status=escalated", False),
    ("age=24", False),
])
def test_queue_filters(browser_for, filters, shown):
    sid = _submit(browser_for("alice"), FLAGGED, "@NorthfieldInst")
    page = browser_for("rob").client.get(f"/queue?{filters}").text
    assert (f'href="/queue/{sid}"' in page) is shown


def test_directory_is_seeded_from_the_policy(browser_for):
    page = browser_for("rob").client.get("/accounts").text
    assert "@NorthfieldInst" in page and "northfield-institute" in page


def test_directory_decides_whether_a_clean_post_needs_approval(browser_for, web_app):
    alice, rob = browser_for("alice"), browser_for("rob")
    assert "Waiting for review" in alice.client.get(f"/submissions/{_submit(alice, CLEAN, '@NorthfieldInst')}").text
    account = next(a for a in web_app.state.accounts.list_accounts() if a.handle == "@NorthfieldInst")
    assert rob.post(f"/accounts/{account.id}", {"handle": "@NorthfieldInst", "platform": "x",
                                                "owner": "Communications team"}).status_code == 303
    assert "Authorisation record" in alice.client.get(f"/submissions/{_submit(alice, CLEAN, '@NorthfieldInst')}").text


def test_officer_adds_and_retires_an_account(browser_for, web_app):
    rob, alice = browser_for("rob"), browser_for("alice")
    assert rob.post("/accounts", {"handle": "@NorthfieldSTEM", "platform": "x", "owner": "STEM team",
                                  "approval_required": "yes"}).status_code == 303
    assert "@NorthfieldSTEM" in alice.client.get("/").text
    account = next(a for a in web_app.state.accounts.list_accounts() if a.handle == "@NorthfieldSTEM")
    rob.post(f"/accounts/{account.id}/retire", {"retired": "yes"})
    assert "@NorthfieldSTEM" not in alice.client.get("/").text
    assert web_app.state.accounts.needs_approval("@northfieldstem")  # retired: always reviewed


@pytest.mark.parametrize(("data", "field"), [
    ({"handle": "", "platform": "x"}, "handle"), ({"handle": "@a", "platform": "myspace"}, "platform"),
    ({"handle": "@NorthfieldInst", "platform": "x"}, "handle"),
])
def test_bad_account_entries_are_refused_with_a_linked_error(browser_for, data, field):
    page = browser_for("rob").post("/accounts", data)
    assert page.status_code == 422
    assert f'<a href="#{field}">' in page.text


def test_incident_is_reported_linked_and_closed_with_an_outcome(browser_for):
    alice, rob = browser_for("alice"), browser_for("rob")
    sid = _submit(alice, FLAGGED)
    response = alice.post("/incidents", {"title": "Post named a student", "description": "A post went out early.",
                                         "post_url": "https://x.example/post/1", "submissions": str(sid)})
    assert response.status_code == 303
    iid = int(response.headers["location"].rsplit("/", 1)[1])
    assert f"#{sid}" in rob.client.get(f"/incidents/{iid}").text
    refused = rob.post(f"/incidents/{iid}/notes", {"note": "Checked.", "status": "closed"})
    assert refused.status_code == 422 and '<a href="#outcome">' in refused.text
    rob.post(f"/incidents/{iid}/notes", {"note": "Looking into it.", "status": "investigating"})
    rob.post(f"/incidents/{iid}/notes", {"note": "Post removed.", "status": "closed", "outcome": "Removed, apologised."})
    page = alice.client.get(f"/incidents/{iid}").text
    assert "Closed" in page and "Removed, apologised." in page and "Looking into it." in page
    assert 'action="/incidents/' not in page  # authors read, officers investigate


def test_author_cannot_link_someone_elses_submission(browser_for, web_app):
    web_app.state.users.add("amir", "author", password="correct horse battery")
    sid = _submit(browser_for("alice"), FLAGGED)
    page = browser_for("amir").post("/incidents", {"title": "t", "description": "d", "submissions": str(sid)})
    assert page.status_code == 422 and f"no submission {sid} that you can link" in page.text


def test_audit_upload_runs_in_the_background_and_serves_its_report(browser_for, tmp_path):
    rob = browser_for("rob")
    csv = (b"id,date,text\n1,2025-01-02,Enrolment for spring courses is open.\n"
           b"2,2025-01-03,Call Jane Doe on 07700 900123 tonight.\n")
    response = rob.client.post("/audit", data={"csrf_token": rob.token()}, files={"file": ("posts.csv", csv, "text/csv")},
                               follow_redirects=False)
    assert response.status_code == 303
    job_url = response.headers["location"]
    assert 'aria-live="polite"' in rob.client.get(job_url).text
    deadline = time.monotonic() + 300
    while (state := rob.client.get(f"{job_url}/status").json())["finished"] is False:
        assert time.monotonic() < deadline, state
        time.sleep(0.5)
    assert state["status"] == "done", state
    assert state["percent"] == 100 and state["has_report"]
    report = rob.client.get(f"{job_url}/report")
    assert report.status_code == 200 and "<html" in report.text.lower()
    assert "sandbox" in report.headers["content-security-policy"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.txt", b"hello", "is not a file the audit reads"),
    ("empty.csv", b"", "empty"),
])
def test_unusable_audit_uploads_are_explained(browser_for, name, content, message):
    rob = browser_for("rob")
    response = rob.client.post("/audit", data={"csrf_token": rob.token()}, files={"file": (name, content)})
    if response.status_code == 422:
        assert message in response.text
    else:  # stored, then failed at once
        assert message in response.text


def test_dashboard_counts_statuses_categories_and_decision_times(browser_for):
    alice, rob = browser_for("alice"), browser_for("rob")
    sid = _submit(alice, FLAGGED)
    rob.post(f"/queue/{sid}/claim")
    rob.post(f"/queue/{sid}/decide", {"action": "approve", "reason": "Fine."})
    page = rob.client.get("/dashboard").text
    assert "Median time to decision" in page
    assert '<th scope="row">Authorised</th><td>1</td>' in page
    assert "<svg" in page and "<script" not in page.split("</head>")[1]
