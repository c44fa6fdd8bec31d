import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { shopOf, shopPage } from "../render";

/** The shop's front page. */
export const dashboardRoutes = new Hono<AppEnv>().get("/", (c) =>
  shopPage(
    c,
    { title: "Dashboard" },
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{shopOf(c).storeName}</h1>
    </section>,
  ),
);
