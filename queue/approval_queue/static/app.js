// Light progressive enhancement: copy buttons. Everything works without JavaScript.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  navigator.clipboard.writeText(source.value || source.textContent).then(
    () => { button.textContent = "Copied"; },
    () => { source.select(); }
  );
});
