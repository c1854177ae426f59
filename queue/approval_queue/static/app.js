// Light progressive enhancement. Every page works without JavaScript; this adds a copy button
// for the suggested rewrite and live progress on an audit's page.

// An error summary takes the focus so that keyboard and screen-reader users start from it.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();

// Copy buttons: shown only when the script runs (they are `hidden` in the HTML).
for (const button of document.querySelectorAll("[data-copy]")) button.hidden = false;
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById("copy-status");
  if (!source) return;
  const say = (text) => { if (status) status.textContent = text; };
  const fallback = () => { source.select(); say("Text selected: press Ctrl+C or Cmd+C to copy."); };
  if (!navigator.clipboard) { fallback(); return; }
  navigator.clipboard.writeText(source.value || source.textContent).then(
    () => { button.textContent = "Copied"; say("Suggestion copied to the clipboard."); },
    fallback,
  );
});

// Audit progress: poll the job's status and update the page in place (the region is aria-live).
const job = document.getElementById("audit-job");
if (job && job.dataset.poll) {
  const every = Number(job.dataset.poll) || 2000;
  const bar = document.getElementById("audit-progress");
  const field = (name) => job.querySelector(`[data-field="${name}"]`);
  const tick = async () => {
    let state;
    try {
      const response = await fetch(job.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      state = await response.json();
    } catch (error) {
      setTimeout(tick, every * 2);
      return;
    }
    bar.value = state.percent;
    bar.textContent = `${state.percent}%`;
    const status = state.status.charAt(0).toUpperCase() + state.status.slice(1);
    if (field("status").textContent !== status) field("status").textContent = status;
    if (field("progress").textContent !== state.progress) field("progress").textContent = state.progress;
    if (state.error) {
      field("error").textContent = state.error;
      document.getElementById("audit-error").hidden = false;
    }
    if (state.has_report) document.getElementById("audit-report").hidden = false;
    if (state.finished) {
      const hint = document.getElementById("audit-poll-hint");
      if (hint) hint.hidden = true;
    } else {
      setTimeout(tick, every);
    }
  };
  setTimeout(tick, every);
}
