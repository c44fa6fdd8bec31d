import { type Context, Hono } from "hono";
import { catalogContext, failedRowsCsv, importStatus, listImports, startImport } from "../../catalog";
import type { AppEnv } from "../../http/context";
import { PageQuery } from "../../http/schemas";
import { refusal } from "../forms";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import { ImportPage, ImportProgress, ImportsPage } from "../views/imports";
import { emptyForm, type FormState } from "../views/parts";

async function importsPage(c: Context<AppEnv>, form: FormState) {
  const query = { cursor: c.req.query("cursor") };
  // A cursor that is not one of ours opens the first page, as a link that went stale would.
  const paging = PageQuery.safeParse(query).data ?? { limit: 20 };
  const page = await listImports(catalogContext(c), shopOf(c).id, paging);
  return shopPage(
    c,
    { title: "Imports", status: form.status },
    <ImportsPage form={form} token={csrfOf(c)} imports={page.items} query={query} nextCursor={page.nextCursor} />,
  );
}

/** The seller's CSV imports: the upload form, past imports, one import's live progress and its refused rows. */
export const importRoutes = new Hono<AppEnv>()
  .get("/imports", (c) => importsPage(c, emptyForm()))
  .post("/imports", async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      return importsPage(c, { values: {}, errors: { file: "Choose a CSV file to upload." }, status: 422 });
    }
    try {
      const started = await startImport(catalogContext(c), shopOf(c).id, await file.text());
      return c.redirect(`/console/imports/${started.importId}`, 303);
    } catch (error) {
      const form = refusal({}, error);
      // The file's refusal (unreadable, a missing column) is said beside the file input.
      const reason = form.message ?? Object.values(form.errors)[0] ?? "The file was refused.";
      return importsPage(c, { ...form, errors: { file: reason }, message: undefined });
    }
  })
  .get("/imports/:id", async (c) => {
    const status = await importStatus(catalogContext(c), shopOf(c).id, c.req.param("id"));
    if (isFragmentRequest(c)) return c.html(<ImportProgress status={status} />);
    return shopPage(c, { title: "Import" }, <ImportPage status={status} />);
  })
  .get("/imports/:id/failed-rows.csv", async (c) => {
    const id = c.req.param("id");
    const csv = await failedRowsCsv(catalogContext(c), shopOf(c).id, id);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${id}-failed-rows.csv"`,
    });
  });
