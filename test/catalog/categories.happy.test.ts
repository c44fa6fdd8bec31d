import { beforeAll, describe, expect, it } from "vitest";
import type { CategoryNode } from "../../workers/catalog/schemas";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { api, asAdmin, json, type TestAccount } from "../support/identity";

let admin: TestAccount;
const ids: Record<string, string> = {};

async function tree(): Promise<CategoryNode[]> {
  return (await (await api("/v1/categories")).json<{ items: CategoryNode[] }>()).items;
}

function find(nodes: CategoryNode[], slug: string): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.slug === slug) return node;
    const inner = find(node.children, slug);
    if (inner) return inner;
  }
  return undefined;
}

async function create(body: Record<string, unknown>) {
  const response = await api("/v1/admin/categories", json(body, { headers: admin.auth }));
  expect(response.status, await response.clone().text()).toBe(201);
  const category = await response.json<{ id: string; slug: string }>();
  ids[category.slug] = category.id;
  return category;
}

beforeAll(async () => {
  admin = await asAdmin();
  await create({ name: "Fiction" });
  await create({ name: "Fantasy", parentId: ids.fiction });
  await create({ name: "Epic Fantasy", parentId: ids.fantasy });
  await create({ name: "Non-fiction", slug: "non-fiction" });
  await addBooks(catalogContext(), [
    { isbn: testIsbn(900), title: "The Hobbit", authors: ["J. R. R. Tolkien"], categories: ["epic-fantasy"] },
    { isbn: testIsbn(901), title: "Earthsea", authors: ["Ursula K. Le Guin"], categories: ["fantasy", "epic-fantasy"] },
    { isbn: testIsbn(902), title: "Sapiens", authors: ["Yuval Noah Harari"], categories: ["non-fiction"] },
  ]);
});

describe("GET /v1/categories", () => {
  it("returns the tree, three levels deep, counting each edition once per subtree", async () => {
    const roots = await tree();
    expect(roots.map((node) => node.slug)).toEqual(["fiction", "non-fiction"]);
    expect(find(roots, "fiction")).toMatchObject({ editionCount: 2 });
    expect(find(roots, "fantasy")).toMatchObject({ editionCount: 2 });
    expect(find(roots, "epic-fantasy")).toMatchObject({ editionCount: 2, children: [] });
    expect(find(roots, "non-fiction")).toMatchObject({ editionCount: 1 });
  });

  it("revalidates with an ETag that changes when the tree changes", async () => {
    const first = await api("/v1/categories");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toContain("must-revalidate");
    expect((await api("/v1/categories", { headers: { "if-none-match": etag } })).status).toBe(304);
    await create({ name: "Poetry" });
    const after = await api("/v1/categories", { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(find((await after.json<{ items: CategoryNode[] }>()).items, "poetry")).toBeDefined();
  });
});

describe("admin category changes", () => {
  it("renames a category", async () => {
    const response = await api(
      `/v1/admin/categories/${ids["non-fiction"]}`,
      json({ name: "Non-fiction & Ideas" }, { method: "PATCH", headers: admin.auth }),
    );
    expect(response.status).toBe(200);
    expect(find(await tree(), "non-fiction")?.name).toBe("Non-fiction & Ideas");
  });

  it("moves a subtree, recounting editions and keeping the descendant filter right", async () => {
    const moved = await api(
      `/v1/admin/categories/${ids.fantasy}`,
      json({ parentId: ids["non-fiction"] }, { method: "PATCH", headers: admin.auth }),
    );
    expect(moved.status).toBe(200);
    const roots = await tree();
    expect(find(roots, "fiction")).toMatchObject({ editionCount: 0, children: [] });
    expect(find(roots, "non-fiction")).toMatchObject({ editionCount: 3 });
    expect(find(find(roots, "non-fiction")!.children, "epic-fantasy")).toBeDefined();
    const books = await (await api("/v1/books?category=non-fiction&limit=50")).json<{ items: unknown[] }>();
    expect(books.items).toHaveLength(3);
    const fiction = await (await api("/v1/books?category=fiction")).json<{ items: unknown[] }>();
    expect(fiction.items).toHaveLength(0);
  });

  it("deletes a leaf category, moving its books up to its parent", async () => {
    const response = await api(`/v1/admin/categories/${ids["epic-fantasy"]}`, {
      method: "DELETE",
      headers: admin.auth,
    });
    expect(response.status).toBe(204);
    const roots = await tree();
    expect(find(roots, "epic-fantasy")).toBeUndefined();
    expect(find(roots, "fantasy")).toMatchObject({ editionCount: 2 });
    const hobbit = await (await api(`/v1/books/${testIsbn(900)}`)).json<{ categories: { slug: string }[] }>();
    expect(hobbit.categories.map((c) => c.slug)).toEqual(["fantasy"]);
  });
});
