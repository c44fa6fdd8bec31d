import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, json, type TestAccount } from "../support/identity";

let admin: TestAccount;
let parent: string;
let child: string;

beforeAll(async () => {
  admin = await asAdmin();
  const post = async (body: Record<string, unknown>) =>
    (await (await api("/v1/admin/categories", json(body, { headers: admin.auth }))).json<{ id: string }>()).id;
  parent = await post({ name: "History" });
  child = await post({ name: "Ancient History", parentId: parent });
});

const patch = (id: string, body: unknown) =>
  api(`/v1/admin/categories/${id}`, json(body, { method: "PATCH", headers: admin.auth }));

describe("admin category errors", () => {
  it("refuses a taken slug with 409", async () => {
    const response = await api("/v1/admin/categories", json({ name: "History" }, { headers: admin.auth }));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "conflict" });
  });

  it("refuses to move a category under its own subcategory (409) and an unknown parent (404)", async () => {
    expect((await patch(parent, { parentId: child })).status).toBe(409);
    expect((await patch(parent, { parentId: parent })).status).toBe(409);
    expect((await patch(parent, { parentId: `cat_${"0".repeat(32)}` })).status).toBe(404);
  });

  it("refuses to delete a category that has subcategories", async () => {
    const response = await api(`/v1/admin/categories/${parent}`, { method: "DELETE", headers: admin.auth });
    expect(response.status).toBe(409);
  });

  it("refuses bad input with 400", async () => {
    expect((await api("/v1/admin/categories", json({ name: "" }, { headers: admin.auth }))).status).toBe(400);
    expect(
      (await api("/v1/admin/categories", json({ name: "X", slug: "Not A Slug" }, { headers: admin.auth }))).status,
    ).toBe(400);
    expect((await patch(parent, {})).status).toBe(400);
    expect((await patch("nope", { name: "x" })).status).toBe(400);
  });

  it("refuses a category name with control or bidirectional characters (422 invalid_characters)", async () => {
    for (const name of ["History\r\n", "Hist\u0000ory", "\u202EHistory"]) {
      const response = await api("/v1/admin/categories", json({ name: `${name} x` }, { headers: admin.auth }));
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect((await response.json<{ code: string }>()).code).toBe("invalid_characters");
    }
  });
});
