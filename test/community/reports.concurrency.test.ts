import { describe, expect, it } from "vitest";
import { signUp } from "../support/identity";
import {
  aBook,
  aComment,
  aReview,
  aThread,
  eventsAbout,
  itemsOf,
  ratingOf,
  report,
  statusOf,
} from "./moderated-content";

describe("auto-hide under concurrent reports", () => {
  it("hides once when the third and fourth reports arrive at the same moment", async () => {
    const [author, ...readers] = await Promise.all([signUp(), signUp(), signUp(), signUp(), signUp()]);
    const book = await aBook();
    const review = await aReview(author, book, { rating: 2 });
    for (const reader of readers.slice(0, 2)) expect((await report(reader, "review", review)).status).toBe(201);

    const last = await Promise.all(readers.slice(2).map((reader) => report(reader, "review", review)));
    expect(last.map((response) => response.status)).toEqual([201, 201]);

    expect(await statusOf("review", review)).toBe("hidden");
    expect(await itemsOf(review)).toHaveLength(1);
    expect(await eventsAbout("ContentHidden", review)).toBe(1);
    expect(await eventsAbout("ReviewChanged", review)).toBe(1);
    expect((await ratingOf(book)).count).toBe(0);
  });

  it("hides once when six readers report a comment all at once", async () => {
    const [author, ...readers] = await Promise.all(Array.from({ length: 7 }, () => signUp()));
    const writer = author!;
    const comment = await aComment(writer, await aThread(writer, await aBook()));
    const responses = await Promise.all(readers.map((reader) => report(reader, "comment", comment)));
    // The report that arrives after the post is hidden finds nothing published to report.
    for (const response of responses) expect([201, 404]).toContain(response.status);
    expect(responses.filter((response) => response.status === 201).length).toBeGreaterThanOrEqual(3);
    expect(await statusOf("comment", comment)).toBe("hidden");
    expect(await itemsOf(comment)).toHaveLength(1);
    expect(await eventsAbout("ContentHidden", comment)).toBe(1);
  });
});
