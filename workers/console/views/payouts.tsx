import type { FC } from "hono/jsx";
import type { PayoutAccountView, SellerBalance, SellerPayout } from "../../payouts";
import { CsrfField, price, When } from "./parts";

export interface PayoutsSummary {
  balance: SellerBalance;
  transfers: SellerPayout[];
  account: PayoutAccountView | null;
}

const Figure: FC<{ label: string; value: string; note?: string }> = ({ label, value, note }) => (
  <li class="panel">
    <p class="figure-label">{label}</p>
    <p class="figure">{value}</p>
    {note && <p class="muted">{note}</p>}
  </li>
);

/** Where the seller's money stands, from their ledger. */
export const BalanceFigures: FC<{ balance: SellerBalance }> = ({ balance }) => (
  <ul class="grid figures payout-figures">
    <Figure label="Pending" value={price(balance.pending)} note="Sold, until the return window is over" />
    <Figure label="Available" value={price(balance.available)} note="Waiting for its transfer" />
    <Figure label="Paid" value={price(balance.paid)} note="Transferred to your account" />
    {balance.held.amount !== 0 && <Figure label="Held" value={price(balance.held)} note="Frozen by a dispute" />}
  </ul>
);

export const TransferTable: FC<{ transfers: SellerPayout[] }> = ({ transfers }) =>
  transfers.length === 0 ? (
    <p>No transfer yet: one goes out for each seller order once it completes.</p>
  ) : (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Seller order</th>
            <th scope="col">Sent</th>
            <th scope="col" class="number">
              Amount
            </th>
            <th scope="col" class="number">
              Reversed
            </th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((transfer) => (
            <tr>
              <th scope="row">
                <a href={`/console/orders/${transfer.sellerOrderId}`}>{transfer.sellerOrderId}</a>
              </th>
              <td>{transfer.sentAt ? <When at={transfer.sentAt} /> : "Sending"}</td>
              <td class="number">{price(transfer.amount)}</td>
              <td class="number">{price(transfer.reversed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/** The dashboard's payouts panel: balances, the latest transfers, and the way to onboarding while it is needed. */
export const PayoutsPanel: FC<{ payouts: PayoutsSummary }> = ({ payouts }) => (
  <section aria-labelledby="payouts-title">
    <h2 id="payouts-title">Payouts</h2>
    {!payouts.account?.payoutsEnabled && (
      <p>
        <a href="/console/payouts">Set up payouts</a> so completed orders are transferred to you.
      </p>
    )}
    <BalanceFigures balance={payouts.balance} />
    <h3>Latest transfers</h3>
    <TransferTable transfers={payouts.transfers} />
    <p>
      <a href="/console/payouts">All payouts</a>
    </p>
  </section>
);

const accountState = (account: PayoutAccountView | null) =>
  !account
    ? "You have no payout account yet."
    : account.payoutsEnabled
      ? "Payouts are enabled: each completed order is transferred to your account."
      : "Your payout account is waiting for you to finish onboarding with the payment provider.";

/** The payouts page: the account, the balances and every transfer (the provider sends the seller back here). */
export const PayoutsPage: FC<{ payouts: PayoutsSummary; token: string; next: string | null }> = ({
  payouts,
  token,
  next,
}) => (
  <>
    <h1>Payouts</h1>
    <section aria-labelledby="account-title">
      <h2 id="account-title">Payout account</h2>
      <p>{accountState(payouts.account)}</p>
      {!payouts.account?.payoutsEnabled && (
        <form method="post" action="/console/payouts/onboarding">
          <CsrfField token={token} />
          <button type="submit">{payouts.account ? "Continue onboarding" : "Set up payouts"}</button>
        </form>
      )}
    </section>
    <section aria-labelledby="balance-title">
      <h2 id="balance-title">Balance</h2>
      <BalanceFigures balance={payouts.balance} />
    </section>
    <section aria-labelledby="transfers-title">
      <h2 id="transfers-title">Transfers</h2>
      <TransferTable transfers={payouts.transfers} />
      {next && (
        <p>
          <a href={`/console/payouts?cursor=${encodeURIComponent(next)}`}>Older transfers</a>
        </p>
      )}
    </section>
  </>
);
