// StockDO is the only writer of stock: whatever the load did, no level goes negative and no hold outlives
// its expiry (the object's alarm releases it exactly once).
const ALARM_GRACE_MS = 2_000; // an alarm fires at the expiry, not before; give it this long to have run

export default {
  name: "stock: nothing negative, no hold past expiry",
  async check({ stock }) {
    const now = Date.now();
    const problems = [];
    for (const { id, levels, reservations } of stock) {
      const listing = levels?.listingId ?? `object ${id.slice(0, 12)}`;
      if (!levels) {
        if (reservations.length > 0) problems.push(`${listing}: reservations without stock levels`);
        continue;
      }
      for (const key of ["onHand", "held", "available"]) {
        if (levels[key] < 0) problems.push(`${listing}: ${key} = ${levels[key]}`);
      }
      for (const hold of reservations) {
        if (hold.quantity <= 0) problems.push(`${listing}: reservation ${hold.reservationId} holds ${hold.quantity}`);
        if (hold.state === "held" && hold.expiresAt < now - ALARM_GRACE_MS) {
          problems.push(
            `${listing}: hold ${hold.reservationId} ${Math.round((now - hold.expiresAt) / 1000)} s past expiry`,
          );
        }
      }
    }
    const committed = stock.flatMap((s) => s.reservations).filter((r) => r.state === "committed");
    return problems.length
      ? { status: "failed", detail: problems.slice(0, 10).join("; ") }
      : {
          status: "ok",
          detail: `${stock.length} StockDO read, ${committed.reduce((units, r) => units + r.quantity, 0)} units committed`,
        };
  },
};
