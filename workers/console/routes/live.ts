import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { issueTicket, liveContext } from "../../live";
import { shopOf } from "../render";

/**
 * A live-channel ticket for the signed-in seller, asked for by the orders page's script with the session's form
 * token (it is a POST, so `requireFormToken` holds it); the socket it opens is on this same origin.
 */
export const liveTicketRoutes = new Hono<AppEnv>().post("/live-ticket", async (c) =>
  c.json(await issueTicket(liveContext(c), shopOf(c).userId, new URL(c.req.url).origin), 201),
);
