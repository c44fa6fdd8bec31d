import type { FC } from "hono/jsx";
import type { PrintJobView } from "../../printing";
import { type FormState, Pager, Select, Status, When } from "./parts";

const STATUS_OPTIONS = [
  ["", "Any status"],
  ["waiting", "Waiting (with the printer)"],
  ["shipped", "Shipped with its book"],
  ["cancelled", "Cancelled"],
] as const;

const PARTNERS: Record<PrintJobView["partner"], string> = {
  log: "Print-job log",
  http: "Print partner",
};

const OrderLink: FC<{ job: PrintJobView }> = ({ job }) =>
  job.sellerOrderId ? <a href={`/console/orders/${job.sellerOrderId}`}>{job.sellerOrderId}</a> : job.orderId;

interface ListProps {
  jobs: { items: PrintJobView[]; nextCursor: string | null };
  filters: FormState;
  query: Record<string, string | undefined>;
}

/** The covers printed for the seller's lines, newest first, with a status filter that works without JS. */
export const PrintJobList: FC<ListProps> = ({ jobs, filters, query }) => (
  <section aria-labelledby="print-jobs-title">
    <h1 id="print-jobs-title">Print jobs</h1>
    <p>
      A cover is printed for every paid copy whose buyer chose one of your cover options. It waits with the printer
      until its order ships.
    </p>
    <form method="get" action="/console/print-jobs" class="filters">
      <Select form={filters} name="status" label="Status" options={STATUS_OPTIONS} />
      <button type="submit">Show</button>
    </form>
    {jobs.items.length === 0 ? (
      <p>No print jobs {filters.values.status ? "in this status" : "yet"}.</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Book</th>
              <th scope="col">Cover</th>
              <th scope="col">Inscription</th>
              <th scope="col" class="number">
                Copies
              </th>
              <th scope="col">Status</th>
              <th scope="col">Order</th>
              <th scope="col">Requested</th>
            </tr>
          </thead>
          <tbody>
            {jobs.items.map((job) => (
              <tr>
                <th scope="row">
                  <a href={`/console/print-jobs/${job.id}`}>{job.title}</a>
                </th>
                <td>{job.coverName}</td>
                <td>{job.inscription ?? "–"}</td>
                <td class="number">{job.quantity}</td>
                <td>
                  <Status status={job.status} />
                </td>
                <td>
                  <OrderLink job={job} />
                </td>
                <td>
                  <When at={job.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pager base="/console/print-jobs" query={query} next={jobs.nextCursor} />
  </section>
);

/** One print job: what is printed on which book, for which order, and where it stands. */
export const PrintJobDetail: FC<{ job: PrintJobView }> = ({ job }) => (
  <section aria-labelledby="print-job-title">
    <p>
      <a href="/console/print-jobs">All print jobs</a>
    </p>
    <h1 id="print-job-title">Cover for {job.title}</h1>
    <div class="panel">
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <Status status={job.status} />
        </dd>
        <dt>Book</dt>
        <dd>
          {job.title} (ISBN {job.isbn13}) · <a href={`/console/listings/${job.listingId}`}>your listing</a>
        </dd>
        <dt>Cover option</dt>
        <dd>{job.coverName}</dd>
        <dt>Inscription</dt>
        <dd>{job.inscription ?? "None"}</dd>
        <dt>Copies</dt>
        <dd>{job.quantity}</dd>
        <dt>Order</dt>
        <dd>
          <OrderLink job={job} />
        </dd>
        <dt>Printed by</dt>
        <dd>
          {PARTNERS[job.partner]} (job {job.partnerJobId})
        </dd>
        <dt>Requested</dt>
        <dd>
          <When at={job.createdAt} />
        </dd>
        <dt>Last change</dt>
        <dd>
          <When at={job.updatedAt} />
        </dd>
      </dl>
    </div>
  </section>
);
