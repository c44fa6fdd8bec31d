import type { FC } from "hono/jsx";
import { type Conversation, canMoveTicket, type TicketStatus } from "../../support";
import { TextArea } from "./listing-fields";
import { CsrfField, emptyForm, FormMessage, type FormState, Notice, Status, When } from "./parts";
import { CATEGORY_LABELS, iso, type Side, supportBase, type Ticket, ticketPath } from "./support";
import { TableFrame } from "./table-frame";

/**
 * One ticket as a side of it reads it: the conversation with its files, a reply form; for the seller a resolve
 * button, for admins the status moves with a note and the ticket's history (the audit trail).
 */

const AUTHORS = { buyer: "Buyer", seller: "Seller", support: "Book Bazaar support" } as const;

const Messages: FC<{ side: Side; conversation: Conversation }> = ({ side, conversation }) => {
  const { ticket, messages, attachments } = conversation;
  return (
    <ol class="conversation" aria-label="Messages">
      {messages.map((message) => {
        const files = attachments.filter((file) => file.messageId === message.id);
        return (
          <li class={`message message-${message.authorRole}`}>
            <p class="muted">
              <strong>{AUTHORS[message.authorRole]}</strong>
              {" · "}
              <When at={iso(message.createdAt)} />
            </p>
            <p class="message-body">{message.body}</p>
            {files.length > 0 && (
              <ul class="plain-list" aria-label="Attachments">
                {files.map((file) => (
                  <li>
                    <a href={`${ticketPath(side, ticket.id)}/attachments/${file.id}`} download={file.fileName}>
                      {file.fileName}
                    </a>
                    <span class="muted">{` (${file.contentType}, ${Math.ceil(file.bytes / 1024)} KB)`}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
};

const History: FC<{ history: NonNullable<Conversation["history"]> }> = ({ history }) => (
  <TableFrame label="History">
    <table>
      <caption>History</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry) => (
          <tr>
            <td>
              <When at={iso(entry.at)} />
            </td>
            <td>{entry.actor}</td>
            <td>
              {entry.action}
              {entry.toStatus && ` (${entry.fromStatus ?? "new"} → ${entry.toStatus})`}
            </td>
            <td>{entry.note ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableFrame>
);

const ReplyForm: FC<{ side: Side; ticket: Ticket; form: FormState; token: string }> = ({
  side,
  ticket,
  form,
  token,
}) => (
  <form method="post" action={`${ticketPath(side, ticket.id)}/messages`} class="panel" aria-labelledby="reply-title">
    <h2 id="reply-title">Reply to the buyer</h2>
    <CsrfField token={token} />
    <FormMessage form={form} />
    <TextArea form={form} name="body" label="Your message" required />
    <div class="actions">
      <button type="submit">Send reply</button>
    </div>
  </form>
);

const ResolveForm: FC<{ ticket: Ticket; token: string }> = ({ ticket, token }) => (
  <form method="post" action={`${ticketPath("seller", ticket.id)}/resolve`} class="actions">
    <CsrfField token={token} />
    <button type="submit">Mark as resolved</button>
  </form>
);

/** What an admin can do with a ticket from its status, as the ticket's states allow. */
const adminMoves = (status: TicketStatus) =>
  (["escalated", "resolved", "closed"] as const).filter((to) => canMoveTicket(status, to));
const MOVE_LABELS = { escalated: "Escalate", resolved: "Resolve", closed: "Close" } as const;

const StatusForm: FC<{ ticket: Ticket; form: FormState; token: string }> = ({ ticket, form, token }) =>
  adminMoves(ticket.status).length === 0 ? null : (
    <form
      method="post"
      action={`${ticketPath("support", ticket.id)}/status`}
      class="panel"
      aria-labelledby="move-title"
    >
      <h2 id="move-title">Change the status</h2>
      <CsrfField token={token} />
      <FormMessage form={form} />
      <TextArea form={form} name="note" label="Note" hint="Kept in the ticket's history; the buyer sees it." />
      <div class="actions">
        {adminMoves(ticket.status).map((to) => (
          <button type="submit" name="status" value={to}>
            {MOVE_LABELS[to]}
          </button>
        ))}
      </div>
    </form>
  );

interface TicketPageProps {
  side: Side;
  conversation: Conversation;
  token: string;
  done?: string;
  problem?: string;
  reply?: FormState;
  move?: FormState;
}

const DONE: Record<string, string> = {
  sent: "Your reply was sent.",
  resolved: "The ticket is resolved.",
  moved: "The ticket's status was changed.",
};

export const TicketPage: FC<TicketPageProps> = ({ side, conversation, token, done, problem, reply, move }) => {
  const { ticket } = conversation;
  const open = ticket.status !== "resolved" && ticket.status !== "closed";
  // A reply refused because the ticket closed meanwhile has no form left to show its message in.
  const shownProblem = problem ?? (open ? undefined : reply?.message);
  return (
    <>
      <p>
        <a href={supportBase(side)}>All tickets</a>
      </p>
      <h1>{ticket.subject}</h1>
      {done && DONE[done] && <Notice kind="ok">{DONE[done]}</Notice>}
      {shownProblem && <Notice kind="error">{shownProblem}</Notice>}
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <Status status={ticket.status} />
        </dd>
        <dt>Category</dt>
        <dd>{CATEGORY_LABELS[ticket.category]}</dd>
        {ticket.sellerOrderId && (
          <>
            <dt>Seller order</dt>
            <dd>
              {side === "seller" ? (
                <a href={`/console/orders/${ticket.sellerOrderId}`}>{ticket.sellerOrderId}</a>
              ) : (
                ticket.sellerOrderId
              )}
            </dd>
          </>
        )}
        <dt>Opened</dt>
        <dd>
          <When at={iso(ticket.createdAt)} />
        </dd>
        {ticket.sellerReplyDueAt !== null && (
          <>
            <dt>Answer by</dt>
            <dd>
              <When at={iso(ticket.sellerReplyDueAt)} />
            </dd>
          </>
        )}
        {ticket.feedbackRating !== null && (
          <>
            <dt>Buyer's rating</dt>
            <dd>{`${ticket.feedbackRating}/5${ticket.feedbackComment ? ` – ${ticket.feedbackComment}` : ""}`}</dd>
          </>
        )}
      </dl>
      <Messages side={side} conversation={conversation} />
      {open && <ReplyForm side={side} ticket={ticket} form={reply ?? emptyForm()} token={token} />}
      {side === "seller" && open && ticket.status !== "escalated" && <ResolveForm ticket={ticket} token={token} />}
      {side === "support" && <StatusForm ticket={ticket} form={move ?? emptyForm()} token={token} />}
      {conversation.history && <History history={conversation.history} />}
    </>
  );
};
