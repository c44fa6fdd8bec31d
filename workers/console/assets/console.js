// The seller console's few behaviours beyond htmx: charts drawn from the JSON beside them, photo previews and
// select-all boxes. Every page works without this script; it only adds to what the server rendered.
(() => {
  const money = (minor) => (minor / 100).toFixed(2);

  function drawChart(holder) {
    if (holder.dataset.drawn || typeof uPlot === "undefined") return;
    const data = JSON.parse(document.getElementById(holder.dataset.chart).textContent);
    holder.dataset.drawn = "1";
    const width = Math.max(280, holder.clientWidth);
    const series = data.series.map((s, i) => ({
      label: s.label,
      stroke: ["#1f5fa8", "#b5651d", "#2e7d32"][i % 3],
      width: 2,
      // A price holds until the next change: drawn as steps, not as a slope between changes.
      paths: s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
      value: (_, v) => (v == null ? "–" : s.money ? money(v) : String(v)),
    }));
    const axes = [{}, { values: (_, ticks) => ticks.map((t) => (data.series[0].money ? money(t) : t)) }];
    // One point (a one-day or one-week report) gets a day either side; uPlot would span years after it.
    const only = data.x.length === 1 ? data.x[0] : null;
    const x = { time: true, range: (_, min, max) => (only === null ? [min, max] : [only - 86400, only + 86400]) };
    new uPlot(
      {
        width,
        height: 220,
        series: [{ label: data.pointName ?? "Date" }, ...series],
        axes,
        scales: { x },
        // The figures are per UTC day: the axis shows UTC dates wherever the seller is.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
      },
      [data.x, ...data.series.map((s) => s.values)],
      holder,
    );
  }

  function previewPhoto(input) {
    const preview = document.getElementById(input.dataset.preview);
    const file = input.files?.[0];
    if (!preview || !file) return;
    preview.src = URL.createObjectURL(file);
    preview.hidden = false;
  }

  // A blank cover-option row more, from the server's own <template> (its index placeholders numbered here).
  function addRowsWith(button) {
    const template = document.getElementById(button.dataset.addOption);
    const rows = document.getElementById(button.dataset.rows);
    if (!template || !rows) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const index = rows.children.length;
      const html = template.innerHTML
        .replaceAll("__index__", String(index))
        .replaceAll("__number__", String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      rows.lastElementChild?.querySelector("input")?.focus();
      if (rows.children.length >= Number(button.dataset.max)) button.hidden = true;
    });
  }

  function wire(root) {
    for (const holder of root.querySelectorAll("[data-chart]")) drawChart(holder);
    for (const input of root.querySelectorAll("input[type=file][data-preview]")) {
      input.addEventListener("change", () => previewPhoto(input));
    }
    for (const box of root.querySelectorAll("input[type=checkbox][data-select-all]")) {
      // Rendered hidden: without this script it could not select anything.
      box.hidden = false;
      box.addEventListener("change", () => {
        for (const item of document.querySelectorAll(`input[type=checkbox][name="${box.dataset.selectAll}"]`)) {
          item.checked = box.checked;
        }
      });
    }
    for (const button of root.querySelectorAll("button[data-add-option]")) addRowsWith(button);
    for (const button of root.querySelectorAll("button[data-print]")) {
      button.addEventListener("click", () => window.print());
    }
  }

  if (window.htmx) window.htmx.onLoad(wire);
  else document.addEventListener("DOMContentLoaded", () => wire(document));
})();
