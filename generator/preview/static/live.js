// genreport preview: follow each re-render without a reload. The server sends a "render" event
// (Server-Sent Events) with the new version; this fetches the fragment and swaps the panel and
// the draft in place, keeping the reader where they were. No framework, nothing else loaded.
(() => {
  "use strict";
  const config = JSON.parse(document.currentScript.dataset.config);
  const panel = () => document.getElementById("genreport-panel");
  const report = document.getElementById("genreport-report");
  let shown = Number(panel().dataset.version);
  let busy = false;
  let again = false;

  function swap(next) {
    const oldPanel = panel();
    const details = oldPanel.querySelector("details");
    const open = details ? details.open : true;
    const panelScroll = oldPanel.scrollTop;
    const before = report.getBoundingClientRect().top;
    oldPanel.outerHTML = next.panel;
    const newDetails = panel().querySelector("details");
    if (newDetails) newDetails.open = open;
    panel().scrollTop = panelScroll;
    if (next.draftVersion !== Number(report.dataset.version)) {
      report.innerHTML = next.body;
      report.dataset.version = String(next.draftVersion);
      document.body.className = next.bodyClass;
      document.title = next.title;
      if (next.lang) document.documentElement.lang = next.lang;
      const style = document.querySelector("head style:not(#genreport-preview-style)");
      if (style && style.textContent !== next.style) style.textContent = next.style;
    }
    // keep the draft where the reader had it, whatever the panel above it did
    window.scrollBy(0, report.getBoundingClientRect().top - before);
    shown = next.version;
  }

  async function update() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch(config.fragment, { cache: "no-store" });
      if (response.ok) {
        const next = await response.json();
        if (next.version > shown) swap(next);
      }
    } catch (error) {
      // the preview stopped or restarted: the event stream reconnects and brings us here again
    } finally {
      busy = false;
      if (again) { again = false; update(); }
    }
  }

  const events = new EventSource(config.events);
  events.addEventListener("render", (event) => { if (Number(event.data) !== shown) update(); });
})();
