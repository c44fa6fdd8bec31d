import type { Services } from "../platform/services";

/** Something about money an operator must look at, mailed to every ADMIN_EMAILS address. */
interface OperatorAlert {
  /** The same key never alerts twice for one address (a provider may drop the duplicate). */
  key: string;
  subject: string;
  text: string;
}

export async function alertOperators(services: Pick<Services, "mailer">, to: readonly string[], alert: OperatorAlert) {
  for (const address of to) {
    await services.mailer.send({
      to: address,
      subject: alert.subject,
      text: alert.text,
      template: "operator-alert",
      idempotencyKey: `${alert.key}:${address}`,
    });
  }
}
