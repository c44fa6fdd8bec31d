import { eq } from "drizzle-orm";
import { disputes } from "../../schema/payments";
import { outbox } from "../../schema/platform";
import { testDatabase } from "./database";
import { eventually } from "./eventually";
import { api, json } from "./identity";
import { db } from "./orders";

/** The simulator's dev routes beyond succeed and fail: processing, a lost webhook, disputes. */
export async function simulate(paymentId: string, answer: "succeed" | "processing" | "fail", deliver = true) {
  const response = await api(`/v1/dev/payments/${paymentId}/${answer}${deliver ? "" : "?deliver=false"}`, {
    method: "POST",
  });
  if (response.status !== 200) throw new Error(`simulate ${answer}: ${response.status} ${await response.text()}`);
  return response.json<{ eventId: string; outcome: string }>();
}

export const openDispute = (paymentId: string, body: Record<string, unknown> = {}) =>
  api(`/v1/dev/payments/${paymentId}/dispute`, json(body, { method: "POST" }));

export const closeDispute = (disputeId: string, outcome: string) =>
  api(`/v1/dev/disputes/${disputeId}/close`, json({ outcome }, { method: "POST" }));

export const disputesOf = (orderId: string) => db.select().from(disputes).where(eq(disputes.orderId, orderId));

/** Every outbox event of `type` whose data matches `where`, each once (an event has a row per queue). */
export async function outboxEvents(type: string, where: (data: Record<string, unknown>) => boolean = () => true) {
  const rows = await db.select().from(outbox).where(eq(outbox.type, type));
  const events = rows
    .map((row) => JSON.parse(row.envelope) as { id: string; data: Record<string, unknown> })
    .filter((event) => where(event.data));
  return [...new Map(events.map((event) => [event.id, event])).values()];
}

/** Waits until a consumer has processed the event (its processed-events marker is written). */
export async function consumed(consumer: string, eventId: string) {
  await eventually(async () => {
    const done = await testDatabase
      .prepare("SELECT 1 AS done FROM processed_events WHERE consumer = ? AND event_id = ?")
      .bind(consumer, eventId)
      .first<number>("done");
    return done ?? undefined;
  });
}
