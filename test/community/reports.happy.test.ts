import { describe, expect, it } from "vitest";
import { asAdmin, signUp } from "../support/identity";
import {
  aBook,
  aComment,
  aReview,
  aThread,
  eventsAbout,
  itemsOf,
  queueItemOf,
  ratingOf,
  report,
  statusOf,
} from "./moderated-content";

describe("POST /v1/reports", () => {
  it("records a reader's report and emits ContentReported", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const book = await aBook();
    const comment = await aComment(author, await aThread(author, book));
    const response = await report(reader, "comment", comment, "Selling counterfeit copies");
    expect(response.status).toBe(201);
    const { report: stored } = await response.json<{ report: Record<string, unknown> }>();
    expect(stored).toEqual({
      id: expect.stringMatching(/^rpt_[0-9a-f]{32}$/),
      targetType: "comment",
      targetId: comment,
      reason: "Selling counterfeit copies",
      createdAt: expect.any(String),
    });
    expect(await eventsAbout("ContentReported", comment)).toBe(1);
    expect(await statusOf("comment", comment)).toBe("published");
  });

  it("leaves a post reported by two readers shown, and hides it at the third distinct reporter", async () => {
    const [author, first, second, third] = await Promise.all([signUp(), signUp(), signUp(), signUp()]);
    const thread = await aThread(author, await aBook());
    for (const reader of [first, second]) expect((await report(reader, "thread", thread)).status).toBe(201);
    expect(await statusOf("thread", thread)).toBe("published");
    expect(await itemsOf(thread)).toEqual([]);
    expect(await eventsAbout("ContentHidden", thread)).toBe(0);

    expect((await report(third, "thread", thread, "Off topic")).status).toBe(201);
    expect(await statusOf("thread", thread)).toBe("hidden");
    expect(await itemsOf(thread)).toMatchObject([{ status: "hidden", cause: "reports", report_count: 3 }]);
    expect(await eventsAbout("ContentHidden", thread)).toBe(1);

    const item = await queueItemOf(await asAdmin(), "hidden", thread);
    expect(item).toMatchObject({ cause: "reports", reportCount: 3, target: { type: "thread", status: "hidden" } });
    expect([...item!.reasons].sort()).toEqual(["Off topic", "Spam", "Spam"]);
  });

  it("hiding a reported review takes its stars out of the book's rating", async () => {
    const [author, other, ...readers] = await Promise.all([signUp(), signUp(), signUp(), signUp(), signUp()]);
    const book = await aBook();
    const review = await aReview(author, book, { rating: 1 });
    await aReview(other, book, { rating: 5 });
    expect(await ratingOf(book)).toMatchObject({ count: 2, average: 3 });
    for (const reader of readers) expect((await report(reader, "review", review)).status).toBe(201);
    expect(await statusOf("review", review)).toBe("hidden");
    expect(await ratingOf(book)).toEqual({
      average: 5,
      count: 1,
      distribution: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 1 },
    });
    expect(await eventsAbout("ReviewChanged", review)).toBe(1);
  });
});
