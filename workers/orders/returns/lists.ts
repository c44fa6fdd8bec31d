import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import type { OrdersContext } from "../context";
import * as store from "../store";
import type { ReturnsQuery } from "./schemas";
import { presentReturns } from "./views";

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

/** Returns newest first, a seller's own (or every seller's, for admins), optionally in one status. */
export async function returnsPage(ctx: OrdersContext, scope: { sellerId?: string }, query: ReturnsQuery) {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await store.returnsPage(ctx.services.db, {
    sellerId: scope.sellerId,
    status: query.status,
    limit: query.limit + 1,
    after,
  });
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: await presentReturns(ctx.services, shown),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
