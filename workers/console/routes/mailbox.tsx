import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { z } from "zod";
import type { AppEnv } from "../../http/context";
import { developmentOnly } from "../../http/middleware/development-only";
import { type DevMail, devMailbox, notificationsContext } from "../../notifications";
import { refusal } from "../forms";
import { plainPage } from "../render";
import { Field, FormMessage, type FormState, When } from "../views/parts";

const MailboxQuery = z.object({ to: z.email("Enter the address the mail went to.") });

/** Links in a mail's text become links on the page; the rest stays text (JSX escapes it). */
const MailText: FC<{ text: string }> = ({ text }) => (
  <pre class="mail-text">
    {text
      .split(/(https?:\/\/[^\s<>"]+)/g)
      .map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
  </pre>
);

const Mailbox: FC<{ form: FormState; mails: DevMail[] | null }> = ({ form, mails }) => (
  <section aria-labelledby="mailbox-title">
    <h1 id="mailbox-title">Development mailbox</h1>
    <p class="muted">Mail the Worker sent while the dev-mailbox adapter is on. Nothing here leaves this machine.</p>
    <FormMessage form={form} />
    <form method="get" action="/console/dev/mailbox" class="filters">
      <Field form={form} name="to" label="Address" type="email" required />
      <button type="submit">Show mail</button>
    </form>
    {mails && mails.length === 0 && <p>No mail for this address yet.</p>}
    {mails?.map((mail) => (
      <article class="panel" aria-label={mail.subject}>
        <h2>{mail.subject}</h2>
        <p class="muted">
          To {mail.to}, <When at={mail.sentAt} />
        </p>
        <MailText text={mail.text} />
      </article>
    ))}
    <p>
      <a href="/console">Back to the console</a>
    </p>
  </section>
);

/** In development only (404 in production, like /v1/dev/mailbox): the dev mailbox, readable in the browser. */
export const mailboxRoutes = new Hono<AppEnv>().get("/dev/mailbox", developmentOnly, async (c) => {
  const to = c.req.query("to");
  if (to === undefined)
    return plainPage(c, { title: "Mailbox" }, <Mailbox form={{ values: {}, errors: {} }} mails={null} />);
  try {
    const mails = await devMailbox(notificationsContext(c), MailboxQuery.parse({ to }).to, 20);
    return plainPage(c, { title: "Mailbox" }, <Mailbox form={{ values: { to }, errors: {} }} mails={mails} />);
  } catch (error) {
    const form = refusal({ to }, error);
    return plainPage(c, { title: "Mailbox", status: form.status }, <Mailbox form={form} mails={null} />);
  }
});
