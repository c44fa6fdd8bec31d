// Every consumer acks or retries; nothing the run produced should have given up into a dead-letter queue.
export default {
  name: "no queue message dead-lettered",
  async check({ db, startedAt }) {
    const { results } = await db
      .prepare(
        "SELECT queue, reason, COUNT(*) AS count FROM dead_letters WHERE received_at >= ? GROUP BY queue, reason",
      )
      .bind(startedAt)
      .all();
    return results.length
      ? { status: "failed", detail: results.map((r) => `${r.count} on ${r.queue}: ${r.reason}`).join("; ") }
      : { status: "ok", detail: "no dead letters recorded during the run" };
  },
};
