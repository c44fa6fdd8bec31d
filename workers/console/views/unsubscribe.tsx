import type { FC } from "hono/jsx";
import { CsrfField, Notice } from "./parts";

/** What each category's mail is, as the unsubscribe page names it. */
const MAIL_OF: Record<string, string> = {
  community: "community mail (replies, followed threads, moderators' decisions)",
  seller_alerts: "seller alerts by mail",
  marketing: "news and offers",
};

/** The page a mail's unsubscribe line links to: a button, so a mail scanner opening the link changes nothing. */
export const UnsubscribeForm: FC<{ mailToken: string; formToken: string }> = ({ mailToken, formToken }) => (
  <section class="panel narrow" aria-labelledby="unsubscribe-title">
    <h1 id="unsubscribe-title">Unsubscribe</h1>
    <p>Stop this kind of mail to your address? Security mail (sign-ins, password resets) keeps coming.</p>
    <form method="post" action="/unsubscribe">
      <CsrfField token={formToken} />
      <input type="hidden" name="token" value={mailToken} />
      <div class="actions">
        <button type="submit">Unsubscribe</button>
      </div>
    </form>
  </section>
);

export const Unsubscribed: FC<{ category: string }> = ({ category }) => (
  <section class="panel narrow" aria-labelledby="unsubscribe-title">
    <h1 id="unsubscribe-title">Unsubscribed</h1>
    <Notice kind="ok">You will get no more {MAIL_OF[category] ?? "of this mail"}.</Notice>
    <p>Your notification preferences can turn it on again.</p>
  </section>
);

export const UnsubscribeLinkInvalid: FC = () => (
  <section class="panel narrow" aria-labelledby="unsubscribe-title">
    <h1 id="unsubscribe-title">This link does not work</h1>
    <Notice kind="error">This unsubscribe link is not valid. Use the link from the mail as it is.</Notice>
  </section>
);
