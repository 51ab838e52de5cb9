import { createTransport } from 'nodemailer';
import { PermanentDeliveryError } from '../../platform/outbox/worker.ts';

export type Mail = { from: string; to: string; subject: string; text: string; notificationId: string };

/**
 * Adapter for e-mail over SMTP (the province's mail relay). One connection per message: notices
 * are few, and nothing stays open between outbox runs. The Message-ID comes from the notification,
 * so a relay that took a message whose answer was lost can recognise the retry as the same mail.
 * A 5xx answer (no such mailbox, refused content) cannot get better by retrying: it is permanent;
 * anything else (4xx, connection refused, timeout) throws plainly so the outbox retries.
 */
export async function sendMail(url: string, mail: Mail, timeoutMs = 10_000): Promise<string> {
  const transport = createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    const info = await transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.notificationId}@${domainOf(mail.from)}>`,
    });
    return info.messageId;
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    if (code !== undefined && code >= 500) throw new PermanentDeliveryError(`mail relay refused the message: ${(err as Error).message}`);
    throw err;
  } finally {
    transport.close();
  }
}

const domainOf = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? 'motcua.localhost';
