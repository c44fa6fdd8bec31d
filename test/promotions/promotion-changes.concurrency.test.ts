import { beforeAll, describe, expect, it } from "vitest";
import { changes } from "../../workers/platform/db";
import { updatePromotion as guardedChange } from "../../workers/promotions/store/promotions";
import { testDatabase, testDb } from "../support/database";
import { asSeller, type TestSeller } from "../support/identity";
import { changePromotion, type PromotionView, runPromotion } from "../support/promotions";

/** Changes are written on the version they were decided on, and never over a use a checkout held meanwhile. */

let seller: TestSeller;

beforeAll(async () => {
  seller = await asSeller();
});

const percent = { name: "Ten off", kind: "percent_off", percentOff: 10 };

describe("concurrent changes to one promotion", () => {
  it("each change is written whole or refused with 409 conflict, and the version counts those written", async () => {
    const created = await runPromotion(seller, percent);
    const answers = await Promise.all(
      [11, 12, 13, 14, 15, 16].map((percentOff) => changePromotion(seller, created.id, { percentOff })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const written = await Promise.all(answers.filter((a) => a.status === 200).map((a) => a.json<PromotionView>()));
    const stored = await testDatabase
      .prepare("SELECT version, percent_off FROM promotions WHERE id = ?")
      .bind(created.id)
      .first<{ version: number; percent_off: number }>();
    expect(Number(stored?.version)).toBe(1 + written.length);
    expect(written.map((p) => p.percentOff)).toContain(Number(stored?.percent_off));
  });

  it("does not write a new kind or a limit below the uses over a use held after the change was decided", async () => {
    const created = await runPromotion(seller, { ...percent, usageLimit: 5 });
    // A checkout holds a use between the change's read and its write: `usesHeld` moves, the version does not.
    await testDatabase.prepare("UPDATE promotions SET uses_held = 2 WHERE id = ?").bind(created.id).run();
    const db = testDb();
    const updatePromotion = async (...args: Parameters<typeof guardedChange>) =>
      changes(await guardedChange(...args)) === 1;
    const newKind = await updatePromotion(
      db,
      created.id,
      1,
      { kind: "amount_off", percentOff: null, amountOff: 100 },
      {
        unused: true,
      },
    );
    const lowLimit = await updatePromotion(db, created.id, 1, { usageLimit: 1 }, { unused: false, usageLimit: 1 });
    expect([newKind, lowLimit]).toEqual([false, false]);
    expect(await updatePromotion(db, created.id, 1, { usageLimit: 2 }, { unused: false, usageLimit: 2 })).toBe(true);
    const stored = await testDatabase
      .prepare("SELECT kind, usage_limit, version FROM promotions WHERE id = ?")
      .bind(created.id)
      .first<{ kind: string; usage_limit: number; version: number }>();
    expect({ ...stored, usage_limit: Number(stored?.usage_limit), version: Number(stored?.version) }).toEqual({
      kind: "percent_off",
      usage_limit: 2,
      version: 2,
    });
  });
});
