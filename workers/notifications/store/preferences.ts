import { eq } from "drizzle-orm";
import { notificationPreferences } from "../../../schema/notifications";
import { type Db, incoming, upserting } from "../../platform/db";
import type { Choices } from "../preferences";

export async function storedChoices(db: Db, userId: string) {
  const [row] = await db
    .select({ choices: notificationPreferences.choices })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .limit(1);
  return row?.choices;
}

export function saveChoices(db: Db, userId: string, choices: Choices) {
  return upserting(
    db,
    db.insert(notificationPreferences).values({ userId, choices, updatedAt: Date.now() }),
    notificationPreferences.userId,
    {
      choices: incoming(db, notificationPreferences.choices),
      updatedAt: incoming(db, notificationPreferences.updatedAt),
    },
  );
}
