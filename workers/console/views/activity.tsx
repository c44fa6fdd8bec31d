import type { FC } from "hono/jsx";
import { type FormState, Pager, Select, When } from "./parts";

/** An entry of the shop's audit log as the console shows it. */
export interface ShopActivityEntry {
  id: string;
  type: string;
  actorId: string | null;
  target: string | null;
  createdAt: string;
}

/** What each action a shop can see is called on the page; the codes are the API's (`action`). */
export const SHOP_ACTIONS = [
  ["", "Any action"],
  ["promotion_created", "Promotion created"],
  ["promotion_updated", "Promotion changed"],
  ["promotion_deactivated", "Promotion paused or ended"],
  ["order_refunded", "Order refunded by the marketplace"],
  ["order_cancelled", "Order cancelled by the marketplace"],
  ["payout_onboarding_started", "Payout onboarding started"],
  ["payout_onboarding_completed", "Payout onboarding completed"],
  ["payouts_held", "Payouts held for a dispute"],
  ["payouts_released", "Payouts released after a dispute"],
] as const;

const labelOf = (type: string) => SHOP_ACTIONS.find(([code]) => code === type)?.[1] ?? type.replaceAll("_", " ");

const By: FC<{ entry: ShopActivityEntry; userId: string }> = ({ entry, userId }) =>
  entry.actorId === null ? <>Automatic</> : entry.actorId === userId ? <>You</> : <>The marketplace</>;

/** A target as the page shows it: the payout account links to the payouts page, the rest is its id. */
const Target: FC<{ target: string | null }> = ({ target }) => {
  if (!target) return <>–</>;
  return target.startsWith("payout_account:") ? <a href="/console/payouts">{target}</a> : <code>{target}</code>;
};

interface ActivityProps {
  entries: { items: ShopActivityEntry[]; nextCursor: string | null };
  filters: FormState;
  query: Record<string, string | undefined>;
  userId: string;
}

/** What was done to the shop (GET /v1/seller/audit), newest first, with an action filter that works without JS. */
export const ActivityList: FC<ActivityProps> = ({ entries, filters, query, userId }) => (
  <section aria-labelledby="activity-title">
    <h1 id="activity-title">Shop activity</h1>
    <p>
      Changes to your promotions and payouts, and what the marketplace did to your orders, as the audit log records
      them.
    </p>
    <form method="get" action="/console/activity" class="filters">
      <Select form={filters} name="action" label="Action" options={SHOP_ACTIONS} />
      <button type="submit">Show</button>
    </form>
    {entries.items.length === 0 ? (
      <p>No activity {filters.values.action ? "of this kind" : "yet"}.</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((entry) => (
              <tr>
                <td>
                  <When at={entry.createdAt} />
                </td>
                <th scope="row">{labelOf(entry.type)}</th>
                <td>
                  <Target target={entry.target} />
                </td>
                <td>
                  <By entry={entry} userId={userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pager base="/console/activity" query={query} next={entries.nextCursor} />
  </section>
);
