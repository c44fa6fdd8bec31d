import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { phoneNumbers } from "../../../schema/notifications";
import { type Db, incoming, type Statement, upserting } from "../../platform/db";

export type PhoneRow = typeof phoneNumbers.$inferSelect;

export async function phoneOf(db: Db, userId: string): Promise<PhoneRow | undefined> {
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.userId, userId)).limit(1);
  return row;
}

/** The number SMS goes to: only once it is verified. */
export async function verifiedPhoneOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ phone: phoneNumbers.phone })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.userId, userId), isNotNull(phoneNumbers.verifiedAt)))
    .limit(1);
  return row?.phone;
}

/** A number waiting for its code: a new number, a changed one (unverified again) or a new code for the same one. */
export function awaitCode(
  db: Db,
  row: { userId: string; phone: string; codeHash: string; codeExpiresAt: number; now: number },
): Statement {
  const { userId, phone, codeHash, codeExpiresAt, now } = row;
  return upserting(
    db,
    db.insert(phoneNumbers).values({
      userId,
      phone,
      verifiedAt: null,
      codeHash,
      codeExpiresAt,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    }),
    phoneNumbers.userId,
    {
      phone: incoming(db, phoneNumbers.phone),
      verifiedAt: incoming(db, phoneNumbers.verifiedAt),
      codeHash: incoming(db, phoneNumbers.codeHash),
      codeExpiresAt: incoming(db, phoneNumbers.codeExpiresAt),
      attempts: incoming(db, phoneNumbers.attempts),
      updatedAt: incoming(db, phoneNumbers.updatedAt),
    },
  );
}

/**
 * Counts one try at the code the caller read (`codeHash`), while fewer than `maxTries` were made: 0 changed rows
 * means the tries are used up, or another request replaced or used the code in between.
 */
export function countTry(db: Db, userId: string, codeHash: string, maxTries: number) {
  return db
    .update(phoneNumbers)
    .set({ attempts: sql`${phoneNumbers.attempts} + 1` })
    .where(
      and(eq(phoneNumbers.userId, userId), eq(phoneNumbers.codeHash, codeHash), lt(phoneNumbers.attempts, maxTries)),
    );
}

/** The right code: the number is verified and the code is spent. */
export function markVerified(db: Db, userId: string, codeHash: string, now: number) {
  return db
    .update(phoneNumbers)
    .set({ verifiedAt: now, codeHash: null, codeExpiresAt: null, attempts: 0, updatedAt: now })
    .where(and(eq(phoneNumbers.userId, userId), eq(phoneNumbers.codeHash, codeHash)));
}

/** Removes the user's number (the account's choice, or its deletion). */
export function removePhone(db: Db, userId: string): Statement {
  return db.delete(phoneNumbers).where(eq(phoneNumbers.userId, userId));
}
