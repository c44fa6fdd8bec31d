// Issue 7, scenario 2: the liveness probe, full middleware stack plus one `SELECT 1` on D1, so against B1.
export default {
  name: "health",
  title: "GET /v1/health",
  order: 2,
  baseline: "B1",
  planetscale: true,
  route: { method: "GET", path: "/v1/health" },

  requests: () => [{ method: "GET", path: "/v1/health" }],

  async verify(ctx) {
    const response = await ctx.fetch("/v1/health");
    const body = await response.json();
    return {
      ok: response.status === 200 && body.status === "ok",
      notes: `after the run: ${response.status} ${body.status}`,
    };
  },
};
