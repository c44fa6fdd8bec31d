// The seller console's few behaviours beyond htmx: charts drawn from the JSON beside them, photo previews,
// select-all boxes and new orders shown live. Every page works without this script; it only adds to what the
// server rendered.
(() => {
  const money = (minor) => (minor / 100).toFixed(2);

  function drawChart(holder) {
    if (holder.dataset.drawn || typeof uPlot === "undefined") return;
    const data = JSON.parse(document.getElementById(holder.dataset.chart).textContent);
    holder.dataset.drawn = "1";
    const width = Math.max(280, holder.clientWidth);
    // Money and counts (GMV and orders) each get their own scale and axis, money on the left, counts on the right.
    const scaleOf = (s) => (s.money ? "money" : "count");
    const scaleKeys = [...new Set(data.series.map(scaleOf))];
    const series = data.series.map((s, i) => ({
      label: s.label,
      scale: scaleOf(s),
      stroke: ["#1f5fa8", "#b5651d", "#2e7d32"][i % 3],
      width: 2,
      // A price holds until the next change: drawn as steps, not as a slope between changes.
      paths: s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
      value: (_, v) => (v == null ? "–" : s.money ? money(v) : String(v)),
    }));
    const axes = [
      {},
      ...scaleKeys.map((scale, i) => ({
        scale,
        side: i === 0 ? 3 : 1,
        size: scale === "money" ? 80 : 50,
        grid: { show: i === 0 },
        values: (_, ticks) => ticks.map((t) => (scale === "money" ? money(t) : t)),
      })),
    ];
    // One point (a one-day or one-week report) gets a day either side; uPlot would span years after it.
    const only = data.x.length === 1 ? data.x[0] : null;
    const x = { time: true, range: (_, min, max) => (only === null ? [min, max] : [only - 86400, only + 86400]) };
    new uPlot(
      {
        width,
        height: 220,
        series: [{ label: data.pointName ?? "Date" }, ...series],
        axes,
        scales: { x, ...Object.fromEntries(scaleKeys.map((scale) => [scale, { auto: true }])) },
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

  // A new paid order, said in the page's live region: newest first, the last few kept.
  function announceOrder(region, order) {
    const line = document.createElement("p");
    line.className = "notice ok";
    const link = document.createElement("a");
    link.href = `/console/orders/${encodeURIComponent(order.sellerOrderId)}`;
    link.textContent = order.sellerOrderId;
    const books = order.itemCount === 1 ? "1 book" : `${order.itemCount} books`;
    line.append("New paid order ", link, `: ${books}, ${money(order.total.amount)} ${order.total.currency}.`);
    region.prepend(line);
    while (region.children.length > 5) region.lastElementChild.remove();
  }

  // The seller's live channel: a ticket from the console (the session's form token makes the POST), a socket on
  // this origin, and after a drop a new ticket and the id of the last message seen, so nothing is missed.
  function followOrders(region) {
    if (region.dataset.following) return;
    region.dataset.following = "1";
    const token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["x-csrf-token"];
    let lastId = null;
    let wait = 1000;
    const again = () => {
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 30000);
    };
    async function connect() {
      const answer = await fetch("/console/live-ticket", {
        method: "POST",
        headers: { "x-csrf-token": token },
        redirect: "manual",
      }).catch(() => null);
      // Signed out (sent to the login page) or the form token expired: the next page load starts again.
      if (answer && !answer.ok && answer.status < 500) return;
      if (!answer?.ok) return again();
      const { url } = await answer.json();
      const socket = new WebSocket(lastId ? `${url}&after=${encodeURIComponent(lastId)}` : url);
      socket.addEventListener("message", (event) => {
        const message = JSON.parse(event.data);
        lastId = message.id;
        if (message.type === "ready") wait = 1000;
        if (message.type === "seller_order") announceOrder(region, message.data);
      });
      // 4001: the account was deleted; anything else is worth another try.
      socket.addEventListener("close", (event) => event.code !== 4001 && again());
    }
    connect();
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
    for (const region of root.querySelectorAll("[data-live-orders]")) followOrders(region);
    for (const button of root.querySelectorAll("button[data-print]")) {
      button.addEventListener("click", () => window.print());
    }
  }

  if (window.htmx) window.htmx.onLoad(wire);
  else document.addEventListener("DOMContentLoaded", () => wire(document));
})();
