import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";

/** An EmailVerified event that gave up on the notifications queue, delivered to its dead-letter consumer. */
export async function deadLetter(email: string) {
  const event = createEvent("EmailVerified", { userId: "usr_dl", email, name: "Dee" });
  const batch = createMessageBatch("notifications-dlq", [
    { id: `m-${email}`, timestamp: new Date(), attempts: 6, body: event },
  ]);
  await worker.queue(batch, env, createExecutionContext());
  return event;
}
