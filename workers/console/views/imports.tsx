import type { FC } from "hono/jsx";
import type { ImportStatus, ImportSummary } from "../../catalog";
import { CsrfField, FieldError, FormMessage, type FormState, Notice, Pager, Status, When } from "./parts";
import { TableFrame } from "./table-frame";

/** The imports page: upload a listings CSV, watch it being applied, fetch back the rows it refused. */

const COLUMNS = "isbn, sku, condition, price, currency, quantity";
const OPTIONAL_COLUMNS = "notes, title, authors, low_stock_threshold";

/** Refused rows shown on the page; the download holds every one of them. */
const SHOWN_ERRORS = 50;

const importPath = (id: string) => `/console/imports/${id}`;
export const failedRowsPath = (id: string) => `/console/imports/${id}/failed-rows.csv`;

const UploadForm: FC<{ form: FormState; token: string }> = ({ form, token }) => {
  const error = form.errors.file;
  return (
    <section class="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a listings file</h2>
      <p>
        A CSV with the columns <code>{COLUMNS}</code>, and optionally <code>{OPTIONAL_COLUMNS}</code>. Prices are in
        euros (<code>12.99</code>); rows update your listings by SKU, so uploading the same file again changes nothing.
      </p>
      <FormMessage form={form} />
      <form method="post" action="/console/imports" enctype="multipart/form-data">
        <CsrfField token={token} />
        <label for="field-file">CSV file</label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "field-file-error" : undefined}
        />
        <FieldError id="field-file-error" error={error} />
        <div class="actions">
          <button type="submit">Start the import</button>
        </div>
      </form>
    </section>
  );
};

const ImportRows: FC<{ imports: ImportSummary[] }> = ({ imports }) => (
  <TableFrame label="Past imports">
    <table>
      <caption class="visually-hidden">Your imports, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Status</th>
          <th scope="col" class="number">
            Rows
          </th>
          <th scope="col" class="number">
            Done
          </th>
          <th scope="col" class="number">
            Failed
          </th>
          <th scope="col">Refused rows</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((item) => (
          <tr>
            <td>
              <a href={importPath(item.id)}>
                <When at={item.createdAt} />
              </a>
            </td>
            <td>
              <Status status={item.status} />
            </td>
            <td class="number">{item.rowsTotal}</td>
            <td class="number">{item.rowsDone}</td>
            <td class="number">{item.rowsFailed}</td>
            <td>
              {item.rowsFailed > 0 ? (
                <a href={failedRowsPath(item.id)} download>
                  Download CSV<span class="visually-hidden">{` of the import started ${item.createdAt}`}</span>
                </a>
              ) : (
                "–"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableFrame>
);

export const ImportsPage: FC<{
  form: FormState;
  token: string;
  imports: ImportSummary[];
  query: Record<string, string | undefined>;
  nextCursor: string | null;
}> = ({ form, token, imports, query, nextCursor }) => (
  <>
    <h1>Imports</h1>
    <UploadForm form={form} token={token} />
    <section aria-labelledby="past-imports-title">
      <h2 id="past-imports-title">Past imports</h2>
      {imports.length === 0 ? <p>No imports yet.</p> : <ImportRows imports={imports} />}
      <Pager base="/console/imports" query={query} next={nextCursor} />
    </section>
  </>
);

/**
 * How far an import has got. While it runs, htmx fetches this fragment again every second and swaps it for
 * itself; the completed import's fragment has no trigger, so the polling stops there.
 */
export const ImportProgress: FC<{ status: ImportStatus }> = ({ status }) => {
  const running = status.status !== "completed";
  const poll = running ? { "hx-get": importPath(status.id), "hx-trigger": "every 1s", "hx-swap": "outerHTML" } : {};
  return (
    <div id="import-progress" class="panel" {...poll}>
      <label for="import-progress-bar">Rows applied</label>
      <progress id="import-progress-bar" max={Math.max(status.rowsTotal, 1)} value={status.rowsDone}>
        {`${status.rowsDone} of ${status.rowsTotal}`}
      </progress>
      <p>
        <strong>{status.rowsDone}</strong> of <strong>{status.rowsTotal}</strong> rows done,{" "}
        <strong>{status.rowsFailed}</strong> failed. <Status status={status.status} />
      </p>
      {running ? (
        <p class="muted">
          This page follows the import as it runs. <a href={importPath(status.id)}>Refresh</a>
        </p>
      ) : (
        <Notice kind={status.rowsFailed > 0 ? undefined : "ok"}>
          {status.rowsFailed > 0
            ? `The import is complete: ${status.rowsFailed} of ${status.rowsTotal} rows were refused.`
            : `The import is complete: all ${status.rowsTotal} rows were applied.`}
        </Notice>
      )}
      {status.rowsFailed > 0 && <RefusedRows status={status} />}
    </div>
  );
};

const RefusedRows: FC<{ status: ImportStatus }> = ({ status }) => (
  <>
    <h2 id="refused-title">Refused rows</h2>
    <p>
      <a class="button secondary" href={failedRowsPath(status.id)} download>
        Download the refused rows as CSV
      </a>{" "}
      <span class="muted">Each row as you uploaded it, with the reason; fix them and upload the file again.</span>
    </p>
    <TableFrame label="Refused rows">
      <table aria-labelledby="refused-title">
        <thead>
          <tr>
            <th scope="col" class="number">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {status.errors.slice(0, SHOWN_ERRORS).map((error) => (
            <tr>
              <td class="number">{error.row}</td>
              <td>{error.field}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
    {status.errors.length > SHOWN_ERRORS && (
      <p class="muted">{`The first ${SHOWN_ERRORS} reasons are shown; the download has them all.`}</p>
    )}
  </>
);

export const ImportPage: FC<{ status: ImportStatus }> = ({ status }) => (
  <>
    <p class="no-print">
      <a href="/console/imports">All imports</a>
    </p>
    <h1>
      Import started <When at={status.createdAt} />
    </h1>
    <ImportProgress status={status} />
  </>
);
