// Reviews for the scenarios: 200 published reviews of The Hobbit's work, written straight into the bench's D1 with
// the work's stars set to match (as the review writes would have moved them), once per run.
import { demoCatalog } from "./catalog.mjs";
import { parseD1Timing } from "./load.mjs";

export const REVIEWED_ISBN = "9780261102217";
export const REVIEW_COUNT = 200;
const PER_BATCH = 100;

const hex = () => crypto.randomUUID().replace(/-/g, "");

let seeded;

/** Seeds the reviews once; answers the reviewed ISBN, its work and how many reviews it has. */
export function reviewedBook(ctx) {
  seeded ??= (async () => {
    const { db } = await demoCatalog(ctx);
    const edition = await db
      .prepare("SELECT id, work_id AS workId FROM editions WHERE isbn13 = ?1")
      .bind(REVIEWED_ISBN)
      .first();
    if (!edition) throw new Error(`no edition ${REVIEWED_ISBN} in the demo catalog`);
    const stars = [0, 0, 0, 0, 0];
    const now = Date.now();
    const statements = Array.from({ length: REVIEW_COUNT }, (_, i) => {
      const rating = 1 + ((i * 7) % 5);
      stars[rating - 1]++;
      const at = now - (REVIEW_COUNT - i) * 60_000;
      return db
        .prepare(
          `INSERT INTO reviews (id, work_id, edition_id, isbn13, author_id, author_name, rating, title, body, verified,
            sentiment, status, helpful_count, unhelpful_count, comment_count, revision, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'published', ?12, ?13, 0, 1, ?14, ?14)`,
        )
        .bind(
          `rev_${hex()}`,
          edition.workId,
          edition.id,
          REVIEWED_ISBN,
          `usr_${hex()}`,
          `Bench Reader ${i}`,
          rating,
          `Review ${i}`,
          "A long-expected party, a ring, a dragon and a journey there and back again. ".repeat(4),
          i % 3 === 0 ? 1 : 0,
          rating - 3,
          (i * 13) % 17,
          (i * 5) % 7,
          at,
        );
    });
    for (let i = 0; i < statements.length; i += PER_BATCH) await db.batch(statements.slice(i, i + PER_BATCH));
    await db
      .prepare("UPDATE works SET stars_1 = ?1, stars_2 = ?2, stars_3 = ?3, stars_4 = ?4, stars_5 = ?5 WHERE id = ?6")
      .bind(...stars, edition.workId)
      .run();
    return { isbn: REVIEWED_ISBN, workId: edition.workId, count: REVIEW_COUNT, stars };
  })();
  return seeded;
}

/** The D1 statements and rows a response reports (bench mode's Server-Timing), read off one GET. */
export async function d1Cost(ctx, path) {
  const response = await ctx.fetch(path);
  await response.arrayBuffer();
  return { status: response.status, ...parseD1Timing(response.headers.get("server-timing")) };
}
