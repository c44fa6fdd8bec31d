import { and, eq, gte, inArray, lt, ne } from "drizzle-orm";
import { type SIMULATED_RECORD_KINDS, simulatedProviderRecords } from "../../schema/payments";
import { changes, type Db, ignoringDuplicates } from "../platform/db";

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
  const row: SimulatedRecord = {
    parentId: null,
    amount: 0,
    currency: "",
    transferGroup: null,
    metadata: {},
    ...record,
    createdAt: now,
    updatedAt: now,
  };
  // Made now: the record is the one written. Asked for before: the one made the first time.
  const written = await ignoringDuplicates(
    db,
    db.insert(simulatedProviderRecords).values(row),
    simulatedProviderRecords.id,
  );
  if (changes(written) === 1) return row;
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

/**
 * What the simulator says became of a payment (the dev routes' succeed, processing and fail): a capture records
 * the amount; a success is never undone by a later answer.
 */
export async function settleSimulatedRecord(
  db: Db,
  providerPaymentId: string,
  answer: { status: "succeeded" | "processing" | "failed"; amount?: number },
) {
  await db
    .update(simulatedProviderRecords)
    .set({
      status: answer.status,
      ...(answer.amount !== undefined && { amount: answer.amount }),
      updatedAt: Date.now(),
    })
    .where(
      and(
        eq(simulatedProviderRecords.id, providerPaymentId),
        eq(simulatedProviderRecords.kind, "payment"),
        ne(simulatedProviderRecords.status, "succeeded"),
      ),
    );
}

/** A record's status as the provider moves it on (a dispute won or lost, an account enabled). */
export async function setSimulatedStatus(db: Db, id: string, status: string) {
  await db
    .update(simulatedProviderRecords)
    .set({ status, updatedAt: Date.now() })
    .where(eq(simulatedProviderRecords.id, id));
}

/** The records of these kinds created in the half-open span [from, to). */
export const simulatedRecordsCreated = (db: Db, kinds: SimulatedRecordKind[], from: number, to: number) =>
  db
    .select()
    .from(simulatedProviderRecords)
    .where(
      and(
        inArray(simulatedProviderRecords.kind, kinds),
        gte(simulatedProviderRecords.createdAt, from),
        lt(simulatedProviderRecords.createdAt, to),
      ),
    )
    .orderBy(simulatedProviderRecords.createdAt, simulatedProviderRecords.id);
