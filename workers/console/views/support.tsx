import type { FC } from "hono/jsx";
import type { Conversation, TicketStatus } from "../../support";
import { Pager, Status, When } from "./parts";
import { TableFrame } from "./table-frame";

/**
 * The support inbox: a shop's tickets (buyers' questions about its seller orders), or, for admins, every ticket. One
 * ticket's page is in support-ticket.tsx.
 */

export type Side = "seller" | "support";
export type Ticket = Conversation["ticket"];

export const supportBase = (side: Side) => (side === "seller" ? "/console/support" : "/console/admin/support");
export const ticketPath = (side: Side, id: string) => `${supportBase(side)}/${id}`;

export const TICKET_VIEWS = [
  ["", "All tickets"],
  ["awaiting_seller", "Awaiting the seller"],
  ["awaiting_buyer", "Awaiting the buyer"],
  ["open", "Open (with support)"],
  ["escalated", "Escalated"],
  ["resolved", "Resolved"],
  ["closed", "Closed"],
] as const;

export const CATEGORY_LABELS: Record<Ticket["category"], string> = {
  order_issue: "Order issue",
  return: "Return",
  payment: "Payment",
  cover_customisation: "Cover customisation",
  account: "Account",
  other: "Other",
};

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What waits on whoever reads the list: the seller's tickets to answer, the escalated and open ones for admins. */
const waitsOn = (side: Side, status: TicketStatus) =>
  side === "seller" ? status === "awaiting_seller" : status === "escalated" || status === "open";

const TicketRows: FC<{ side: Side; tickets: Ticket[] }> = ({ side, tickets }) => (
  <TableFrame label="Support tickets">
    <table>
      <caption class="visually-hidden">Support tickets, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Category</th>
          <th scope="col">Opened</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => {
          const yours = waitsOn(side, ticket.status);
          return (
            <tr class={yours ? "row-waiting" : undefined}>
              <th scope="row">
                <a href={ticketPath(side, ticket.id)}>{ticket.subject}</a>
                {yours && <span class="badge">Your turn</span>}
              </th>
              <td>{CATEGORY_LABELS[ticket.category]}</td>
              <td>
                <When at={iso(ticket.createdAt)} />
              </td>
              <td>
                <Status status={ticket.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </TableFrame>
);

interface ListProps {
  side: Side;
  status: string;
  error?: string;
  tickets: Ticket[];
  cursor?: string;
  nextCursor: string | null;
}

export const TicketList: FC<ListProps> = ({ side, status, tickets, cursor, nextCursor }) => (
  <div id="ticket-list">
    {tickets.length === 0 ? <p>No tickets here.</p> : <TicketRows side={side} tickets={tickets} />}
    <Pager base={supportBase(side)} query={{ status: status || undefined, cursor }} next={nextCursor} />
  </div>
);

export const SupportInboxPage: FC<ListProps> = (props) => (
  <>
    <h1>{props.side === "seller" ? "Support" : "Support tickets"}</h1>
    <form
      class="filters"
      method="get"
      action={supportBase(props.side)}
      hx-get={supportBase(props.side)}
      hx-target="#ticket-list"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <div>
        <label for="field-status">Show</label>
        <select
          id="field-status"
          name="status"
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={props.error ? "field-status-error" : undefined}
        >
          {TICKET_VIEWS.map(([value, label]) => (
            <option value={value} selected={props.status === value}>
              {label}
            </option>
          ))}
        </select>
        {props.error && (
          <span class="field-error" id="field-status-error">
            {props.error}
          </span>
        )}
      </div>
      <button type="submit">Show tickets</button>
    </form>
    <TicketList {...props} />
  </>
);
