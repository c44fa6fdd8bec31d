import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { hmacSha256, toHex } from "../lib/tokens";
import type { BookViewer } from "./events";

/**
 * Who is opening a book page. A guest needs no cookie: their key is an HMAC of their address, browser and the UTC
 * day under the guest-cart secret, so the raw address is never stored and a guest's key changes every day. Without
 * that secret (the read-only servers) a guest's view is counted but not recorded per viewer.
 */
export async function bookViewer(c: Context<AppEnv>, now = new Date()): Promise<BookViewer> {
  const userId = c.get("principal")?.userId ?? null;
  if (userId) return { userId, viewerKey: userId };
  const secret = c.get("config").CART_TOKEN_SECRET;
  if (!secret) return { userId, viewerKey: null };
  const address = c.req.header("cf-connecting-ip") ?? "";
  const browser = c.req.header("user-agent") ?? "";
  const day = now.toISOString().slice(0, 10);
  const digest = toHex(await hmacSha256(secret, `book-viewer:${day}:${address}:${browser}`));
  return { userId, viewerKey: `gst_${digest.slice(0, 40)}` };
}
