import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api } from "../support/http";

const ISBN = testIsbn(950);
let editionId: string;

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: ISBN, title: "Howards End", authors: ["E. M. Forster"] }]);
  editionId = (await testDatabase.prepare("SELECT id FROM editions WHERE isbn13 = ?").bind(ISBN).first<string>("id"))!;
});

const views = () =>
  testDatabase
    .prepare("SELECT coalesce(sum(views), 0) AS n FROM edition_views WHERE edition_id = ?")
    .bind(editionId)
    .first<number>("n");

describe("ProductViewed", () => {
  it("is emitted by every book page view, cached or not, and counted per edition", async () => {
    const first = await api(`/v1/books/${ISBN}`);
    const etag = first.headers.get("etag")!;
    await api(`/v1/books/${ISBN}`);
    await api(`/v1/books/${ISBN}`, { headers: { "if-none-match": etag } });
    await eventually(async () => ((await views()) === 3 ? true : undefined));
  });

  it("counts a view delivered twice once", async () => {
    const before = (await views()) ?? 0;
    const viewed = createEvent("ProductViewed", { editionId, isbn13: ISBN, userId: null });
    const batch = createMessageBatch("catalog-events", [
      { id: "view-1", timestamp: new Date(), attempts: 1, body: viewed },
      { id: "view-2", timestamp: new Date(), attempts: 2, body: viewed },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["view-1", "view-2"]);
    expect(await views()).toBe(before + 1);
  });

  it("counts a batch's new views at once and a redelivered batch not again", async () => {
    const before = (await views()) ?? 0;
    const events = [1, 2, 3].map(() => createEvent("ProductViewed", { editionId, isbn13: ISBN, userId: null }));
    const deliver = async (attempts: number) => {
      const batch = createMessageBatch(
        "catalog-events",
        events.map((body, index) => ({ id: `batch-${index}`, timestamp: new Date(), attempts, body })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return (await getQueueResult(batch, ctx)).explicitAcks;
    };
    expect(await deliver(1)).toEqual(["batch-0", "batch-1", "batch-2"]);
    expect(await views()).toBe(before + 3);
    expect(await deliver(2)).toEqual(["batch-0", "batch-1", "batch-2"]);
    expect(await views()).toBe(before + 3);
  });
});
