import { and, eq } from "drizzle-orm";
import { type SIMULATED_RECORD_KINDS, simulatedProviderRecords } from "../../schema/payments";
import { type Db, ignoringDuplicates } from "../platform/db";

export type SimulatedRecordKind = (typeof SIMULATED_RECORD_KINDS)[number];
export type SimulatedRecord = typeof simulatedProviderRecords.$inferSelect;

/**
 * The simulator's side of the money, kept as Stripe keeps its own: a record per payment, refund, account, transfer
 * and reversal. A record asked for again with the same idempotency key is the one made the first time.
 */
export async function recordOnce(
  db: Db,
  record: Omit<typeof simulatedProviderRecords.$inferInsert, "createdAt" | "updatedAt"> & {
    kind: SimulatedRecordKind;
    idempotencyKey: string;
  },
): Promise<SimulatedRecord> {
  const now = Date.now();
  await ignoringDuplicates(
    db,
    db.insert(simulatedProviderRecords).values({ ...record, createdAt: now, updatedAt: now }),
    simulatedProviderRecords.id,
  );
  const [kept] = await db
    .select()
    .from(simulatedProviderRecords)
    .where(
      and(
        eq(simulatedProviderRecords.kind, record.kind),
        eq(simulatedProviderRecords.idempotencyKey, record.idempotencyKey),
      ),
    )
    .limit(1);
  return kept!;
}

export async function simulatedRecord(db: Db, id: string): Promise<SimulatedRecord | undefined> {
  const [record] = await db.select().from(simulatedProviderRecords).where(eq(simulatedProviderRecords.id, id)).limit(1);
  return record;
}
