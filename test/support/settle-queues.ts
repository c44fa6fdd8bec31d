import { count, isNull } from "drizzle-orm";
import { afterAll } from "vitest";
import { outbox, processedEvents } from "../../schema/platform";
import { testDb } from "./database";

const QUIET_MS = 300;
const LONGEST_MS = 10_000;

/**
 * What the queue still carries when a file's last test ends (an event's consumers, the events their effects
 * cause, a notice's deliveries) finishes before the file's runtime is torn down: a consumer still running then
 * would load modules over a closed connection, and on MySQL write into the next file's tables. Waits until, for a
 * moment, no outbox row was sent and no consumer marked an event processed (a row a test left unsendable stays).
 */
afterAll(async () => {
  const db = testDb();
  const activity = async () => {
    const [[unsent], [processed]] = await Promise.all([
      db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)),
      db.select({ n: count() }).from(processedEvents),
    ]);
    return { unsent: Number(unsent?.n ?? 0), processed: Number(processed?.n ?? 0) };
  };
  const deadline = Date.now() + LONGEST_MS;
  let last = await activity();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await activity();
    if (now.unsent !== last.unsent || now.processed !== last.processed) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    last = now;
  }
}, LONGEST_MS + 5_000);
