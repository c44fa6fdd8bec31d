import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { fromBase64url, sha256Hex } from "../../lib/tokens";
import { atomically, changes } from "../../platform/db";
import type { NotificationsContext } from "../context";
import type { NewPushSubscription, PushSubscriptionList, PushSubscriptionView } from "../schemas";
import {
  dropSubscriptions,
  type PushSubscriptionRow,
  subscribe,
  subscriptionsOf,
  unsubscribe,
} from "../store/push-subscriptions";

/** Each notice goes to every subscription: past this many, the longest-unregistered ones make room. */
const MAX_SUBSCRIPTIONS = 20;
const MAX_USER_AGENT = 512;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function view(row: PushSubscriptionRow): PushSubscriptionView {
  return { id: row.id, endpoint: row.endpoint, subscribedAt: iso(row.createdAt)!, lastUsedAt: iso(row.lastUsedAt) };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Push services are https (RFC 8030). Plain HTTP is accepted only on loopback outside production: the local
 * push service that tests and development run, as the PlanetScale proxy is.
 */
function checkEndpoint(ctx: NotificationsContext, endpoint: string): void {
  const url = new URL(endpoint);
  const local = url.protocol === "http:" && LOOPBACK.test(url.hostname) && ctx.config.ENVIRONMENT !== "production";
  if (url.protocol !== "https:" && !local) {
    throw new AppError("invalid_push_subscription", "The endpoint must be an https URL of a push service.");
  }
}

/** The browser's key must be a point on P-256, or no message to it could ever be encrypted. */
async function checkKey(p256dh: string): Promise<void> {
  try {
    await crypto.subtle.importKey("raw", fromBase64url(p256dh), { name: "ECDH", namedCurve: "P-256" }, false, []);
  } catch {
    throw new AppError("invalid_push_subscription", "keys.p256dh is not a P-256 public key.");
  }
}

/**
 * Registers the browser's subscription for the caller. The same endpoint again is the same subscription (its id),
 * with the keys it brings now, moved to the caller if another account had it.
 */
export async function addPushSubscription(
  ctx: NotificationsContext,
  userId: string,
  input: NewPushSubscription,
  userAgent: string | null,
  now = Date.now(),
): Promise<PushSubscriptionView> {
  checkEndpoint(ctx, input.endpoint);
  const p256dh = input.keys.p256dh.replace(/=+$/, "");
  await checkKey(p256dh);
  const { db } = ctx.services;
  const endpointHash = await sha256Hex(input.endpoint);
  await atomically(db, [
    subscribe(db, {
      id: newId("psb"),
      userId,
      endpointHash,
      endpoint: input.endpoint,
      p256dh,
      auth: input.keys.auth.replace(/=+$/, ""),
      userAgent: userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      createdAt: now,
      lastUsedAt: null,
    }),
  ]);
  const mine = await subscriptionsOf(db, userId);
  const beyond = mine.slice(MAX_SUBSCRIPTIONS).map((row) => row.id);
  if (beyond.length > 0) await atomically(db, [dropSubscriptions(db, beyond)]);
  const row = mine.find((candidate) => candidate.endpointHash === endpointHash);
  if (!row) throw new AppError("conflict", "Another account registered this endpoint at the same moment.");
  return view(row);
}

/** Removes one of the caller's subscriptions; an endpoint the caller has not registered is 404. */
export async function removePushSubscription(ctx: NotificationsContext, userId: string, endpoint: string) {
  const { db } = ctx.services;
  const [removed] = await atomically(db, [unsubscribe(db, userId, await sha256Hex(endpoint))]);
  if (changes(removed) === 0) throw new AppError("not_found", "No push subscription of yours has that endpoint.");
}

/** The caller's subscriptions, and the VAPID public key a browser subscribes with (null while push is not set up). */
export async function pushSubscriptionList(ctx: NotificationsContext, userId: string): Promise<PushSubscriptionList> {
  const rows = await subscriptionsOf(ctx.services.db, userId);
  return { vapidPublicKey: ctx.config.VAPID_PUBLIC_KEY ?? null, items: rows.map(view) };
}
