"""The main journeys in Chromium: pre-check and submit, claim and request changes, resubmit,
approve, see the authorisation, an admin's escalation, the tooltip on keyboard focus, and the
pages at phone size. Each journey leaves numbered screenshots in ``screenshots/<journey>/``."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD, launch

pytestmark = pytest.mark.browser

FLAGGED = "Please call Jane Doe on 07700 900123 about her complaint before Friday."
EDITED = "Please call the student office about the complaint before Friday."


def sign_in(page: Any, server: str, name: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server}/login?next=/submissions")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {name}")).to_be_visible()


def submit_draft(page: Any, server: str, text: str, account: str = "@NorthfieldInst") -> int:
    """Pre-check a draft on ``/`` and submit it; return the submission number."""
    page.goto(f"{server}/")
    page.get_by_label("Draft post").fill(text)
    page.get_by_label("Account it is for").select_option(account)
    page.get_by_role("button", name="Check draft").click()
    expect(page.get_by_role("heading", name="Result")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Submit this draft")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Submission #\d+"))).to_be_visible()
    return int(re.search(r"/submissions/(\d+)", page.url).group(1))  # type: ignore[union-attr]


def claim_and_decide(page: Any, server: str, sid: int, action: str, reason: str, shots: Any = None) -> None:
    page.goto(f"{server}/queue/{sid}")
    claim = page.get_by_role("button", name="Claim this item")
    if claim.count():
        claim.click()
    if shots:
        shots(page, "reviewer-item")
    page.get_by_label(action).check()
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Record decision").click()


def test_review_journey_from_precheck_to_authorisation(page, server, shots):
    sign_in(page, server, "alice")
    page.goto(f"{server}/")
    page.get_by_label("Draft post").fill(FLAGGED)
    page.get_by_role("button", name="Check draft").click()
    expect(page.locator("mark.cat-pii").first).to_be_visible()
    shots(page, "author-precheck")
    sid = submit_draft(page, server, FLAGGED)
    expect(page.get_by_text("Waiting for review").first).to_be_visible()
    shots(page, "author-submitted")

    sign_in(page, server, "rob")
    page.goto(f"{server}/queue")
    expect(page.get_by_role("link", name=f"#{sid}", exact=True)).to_be_visible()
    shots(page, "reviewer-queue")
    page.get_by_role("button", name=f"Claim #{sid}").click()
    expect(page.get_by_text("claimed by rob")).to_be_visible()
    page.get_by_role("button", name="Record decision").click()  # nothing chosen: the error summary
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    shots(page, "reviewer-error-summary")
    page.get_by_role("link", name=re.compile("Give a reason")).click()
    expect(page.get_by_label("Reason")).to_be_focused()
    claim_and_decide(page, server, sid, "Request changes", "Remove Jane's phone number; name the office instead.")
    expect(page.get_by_text("Changes requested").first).to_be_visible()

    sign_in(page, server, "alice")
    page.goto(f"{server}/submissions/{sid}")
    expect(page.get_by_text("Remove Jane's phone number")).to_be_visible()
    shots(page, "author-changes-requested")
    page.get_by_label("Edited draft").fill(EDITED)
    page.get_by_role("button", name="Resubmit").click()
    expect(page.get_by_text("Waiting for review").first).to_be_visible()

    sign_in(page, server, "rob")
    page.goto(f"{server}/queue/{sid}")
    page.get_by_role("button", name="Claim this item").click()
    expect(page.locator(".diff del").first).to_contain_text("removed:")
    expect(page.locator(".diff ins").first).to_contain_text("added:")
    shots(page, "reviewer-diff")
    claim_and_decide(page, server, sid, "Approve", "Personal data removed; fine to post.")
    expect(page.get_by_text("Authorised").first).to_be_visible()

    sign_in(page, server, "alice")
    page.goto(f"{server}/submissions/{sid}")
    record = page.get_by_role("region", name="Authorisation record")
    expect(record).to_be_visible()
    expect(record).to_contain_text("rob")
    expect(record.locator("code.hash")).to_have_text(re.compile("^[0-9a-f]{64}$"))
    shots(page, "author-authorisation")


def test_admin_decides_an_escalation(page, server, shots):
    sign_in(page, server, "alice")
    sid = submit_draft(page, server, "Her National Insurance number is QQ 12 34 56 C, please update the payroll.")
    sign_in(page, server, "rhea")
    page.goto(f"{server}/escalations")
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()  # reviewers: admins only
    claim_and_decide(page, server, sid, "Escalate to admins", "Payroll data: needs an admin's decision.")
    expect(page.get_by_text("Escalated to admins").first).to_be_visible()

    sign_in(page, server, "ada")
    page.goto(f"{server}/escalations")
    shots(page, "admin-escalations")
    page.get_by_role("link", name=f"Open #{sid}").click()
    shots(page, "admin-item")
    page.get_by_label("Reject").check()
    page.get_by_label("Reason").fill("National Insurance numbers must never be posted.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Rejected").first).to_be_visible()
    shots(page, "admin-decided")


def test_highlight_explanation_appears_on_keyboard_focus(page, server, shots):
    page.goto(f"{server}/")
    page.get_by_label("Draft post").fill(FLAGGED)
    page.get_by_role("button", name="Check draft").click()
    mark = page.locator("mark").first
    expect(mark).to_be_visible()
    tip = mark.locator(".tip")
    expect(tip).to_be_hidden()
    for _ in range(60):  # Tab through the page until the first highlight has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.tagName") == "MARK":
            break
    else:
        pytest.fail("Tab never reached a highlighted span")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(re.compile(r"s\.\d"))  # the explanation comes with its policy clause
    describedby = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    expect(page.locator(f"#{describedby}")).to_be_visible()
    shots(page, "tooltip-on-focus")


@pytest.mark.parametrize("path", ["/", "/precheck-result", "/submissions", "/queue", "/accounts", "/dashboard",
                                  "/login"])
def test_pages_fit_a_phone(page, server, shots, path):
    page.set_viewport_size({"width": 390, "height": 844})
    if path == "/queue":  # something in the queue, so the table is there to fit
        sign_in(page, server, "alice")
        submit_draft(page, server, FLAGGED)
    if path != "/login":
        sign_in(page, server, "ada")
    if path == "/precheck-result":
        page.goto(f"{server}/")
        page.get_by_label("Draft post").fill(FLAGGED)
        page.get_by_role("button", name="Check draft").click()
        page.locator("mark").first.focus()
    else:
        page.goto(f"{server}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    shots(page, "phone")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 390px wide"


def test_audit_progress_updates_in_place_and_opens_the_report(page, server, shots, tmp_path):
    posts = tmp_path / "posts.csv"
    posts.write_text("id,date,text\n1,2025-01-02,Enrolment for spring courses is open.\n"
                     "2,2025-02-03,Call Jane Doe on 07700 900123 tonight.\n"
                     "3,2025-03-04,Our welding team won the regional final.\n", encoding="utf-8")
    sign_in(page, server, "rob")
    page.goto(f"{server}/audit")
    page.get_by_label("File of posts").set_input_files(str(posts))
    page.get_by_role("button", name="Start audit").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Audit #\d+: posts.csv"))).to_be_visible()
    job_url = page.url
    expect(page.locator("#audit-status")).to_have_attribute("aria-live", "polite")
    shots(page, "audit-running")
    # The script polls the status and reveals the link in place: the URL never changes.
    expect(page.get_by_role("link", name="Open the report")).to_be_visible(timeout=240_000)
    assert page.url == job_url
    expect(page.locator("#audit-progress")).to_have_attribute("value", "100")
    shots(page, "audit-done")
    page.get_by_role("link", name="Open the report").click()
    expect(page.get_by_role("heading", name=re.compile("^Top flagged posts"))).to_be_visible()
    shots(page, "audit-report")


def test_incident_is_reported_and_investigated(page, server, shots):
    sign_in(page, server, "alice")
    page.goto(f"{server}/incidents/new")
    page.get_by_role("button", name="Report incident").click()
    summary = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="There is a problem"))
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(2)
    shots(page, "incident-errors")
    page.get_by_label("Title").fill("Post went out before approval")
    page.get_by_label("What happened").fill("A draft about the open day was posted on X before it was authorised.")
    page.get_by_label("Link to the post (optional)").fill("https://x.example/NorthfieldInst/status/1")
    page.get_by_role("button", name="Report incident").click()
    expect(page.get_by_role("heading", name=re.compile("^Incident #"))).to_be_visible()
    incident_url = page.url
    sign_in(page, server, "rob")
    page.goto(incident_url)
    page.get_by_label("Note").fill("Asked the author; the post was removed within an hour.")
    page.get_by_label("Status").select_option("closed")
    page.get_by_label("Outcome").fill("Post removed; reminder sent to the team.")
    page.get_by_role("button", name="Save note").click()
    expect(page.locator(".tag.inc-closed").first).to_be_visible()
    shots(page, "incident-closed")


# Every form control has a label and headings never skip a level, on each page a role can open.
A11Y_AUDIT = """() => {
  const problems = [];
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea, button")) {
    const named = (el.labels && el.labels.length) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
      || (el.tagName === "BUTTON" && el.textContent.trim());
    if (!named) problems.push(`unlabelled ${el.tagName.toLowerCase()} #${el.id || el.name}`);
  }
  let previous = 0;
  for (const h of document.querySelectorAll("main h1, main h2, main h3, main h4")) {
    const level = Number(h.tagName[1]);
    if (previous && level > previous + 1) problems.push(`heading ${h.tagName} "${h.textContent.trim()}" skips a level`);
    previous = level;
  }
  if (document.querySelectorAll("main h1").length !== 1) problems.push("a page needs exactly one h1");
  return problems;
}"""


# WCAG AA contrast of every visible piece of text against the background it sits on.
CONTRAST_AUDIT = """() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.closest(".visually-hidden, [hidden], .tip")) continue;
    const fg = lum(rgb(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) problems.push(`${el.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
  }
  return [...new Set(problems)];
}"""


@pytest.mark.parametrize("path", ["/", "/login", "/submissions", "/queue", "/escalations", "/accounts", "/incidents",
                                  "/incidents/new", "/audit", "/dashboard"])
def test_controls_are_labelled_headings_in_order_and_text_has_aa_contrast(page, server, path):
    if path != "/login":
        sign_in(page, server, "ada")
    page.goto(f"{server}{path}")
    if path == "/":
        page.get_by_label("Draft post").fill(FLAGGED)
        page.get_by_role("button", name="Check draft").click()
    assert page.evaluate(A11Y_AUDIT) == []
    assert page.evaluate(CONTRAST_AUDIT) == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"


def test_the_accessibility_audit_catches_an_unlabelled_control_and_a_skipped_heading(page):
    page.set_content("<main><h1>Title</h1><h3>Skipped</h3><input id='q'><label>Alone</label></main>")
    assert page.evaluate(A11Y_AUDIT) == ["unlabelled input #q", 'heading H3 "Skipped" skips a level']


def test_the_contrast_audit_catches_pale_text(page):
    page.set_content("<p style='color:#999;background:#fff'>pale grey</p><p style='color:#333'>dark</p>")
    assert page.evaluate(CONTRAST_AUDIT) == ['p "pale grey" 2.85:1']


def test_precheck_sign_in_and_submit_work_without_javascript(playwright_driver, server, shots):
    context = launch(playwright_driver, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/")
        page.get_by_label("Draft post").fill(FLAGGED)
        page.get_by_role("button", name="Check draft").click()
        expect(page.locator("mark").first).to_be_visible()
        expect(page.get_by_role("button", name="Copy suggestion")).to_be_hidden()  # needs the script
        expect(page.get_by_label("Suggested safer version")).to_have_value(re.compile("removed"))
        shots(page, "no-js-precheck")
        sign_in(page, server, "alice")
        sid = submit_draft(page, server, FLAGGED)
        expect(page.get_by_text("Waiting for review").first).to_be_visible()
        assert sid > 0
    finally:
        context.close()
