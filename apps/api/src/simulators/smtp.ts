import http from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { close, listen, readJson, sendJson } from './http-sim.ts';

/**
 * Stand-in for the province's mail relay. It speaks real SMTP on localhost, so the adapter runs
 * nodemailer's real protocol code; it decodes each message (encoded subject, UTF-8 body), keeps it
 * once per Message-ID, prints it, and lists it on a small HTTP side (/inbox, /admin/messages), where
 * faults are set: POST /admin/faults {fault, times?} applies to the next `times` messages (default: until changed).
 */
export type MailMessage = { id: string; messageId: string; from: string; to: string[]; subject: string; text: string; at: string };
/** reject = 451 (try later), bounce = 550 at RCPT (no such mailbox), down = 421 on connect, slow = 3 s before accepting. */
export type SmtpFault = 'none' | 'reject' | 'bounce' | 'down' | 'slow';
export type SmtpSimulator = { url: string; adminUrl: string; messages: MailMessage[]; setFault(fault: SmtpFault, times?: number): void; close(): Promise<void> };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

function inboxPage(messages: MailMessage[]): string {
  const rows = [...messages]
    .reverse()
    .slice(0, 200)
    .map((m) => `<li><b>${esc(m.to.join(', '))}</b> <small>${esc(m.at)}</small><br><i>${esc(m.subject)}</i><br>${esc(m.text)}</li>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Hộp thư e-mail (mô phỏng)</title></head><body><h1>Hộp thư e-mail (mô phỏng)</h1><ul>${rows || '<li>Chưa có thư.</li>'}</ul></body></html>`;
}

export async function startSmtpSimulator(o: { port?: number; adminPort?: number; echo?: boolean } = {}): Promise<SmtpSimulator> {
  const messages: MailMessage[] = [];
  let fault: SmtpFault = 'none';
  let left = Infinity;
  /** Whether the current fault is `kind` and applies to this message; counts it down. */
  const hit = (kind: SmtpFault) => {
    if (fault !== kind) return false;
    if (--left <= 0) fault = 'none';
    return true;
  };

  const smtp = new SMTPServer({
    // Plain SMTP on localhost: no certificate to trust; any login is accepted, as a dev relay does.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? 'sim' }),
    onConnect: (_session, cb) => cb(hit('down') ? smtpError(421, 'Service not available (simulated)') : null),
    onRcptTo: (_address, _session, cb) => cb(hit('bounce') ? smtpError(550, 'Mailbox unavailable (simulated)') : null),
    onData: (stream, session, cb) => {
      void (async () => {
        const raw = Buffer.concat(await stream.toArray());
        if (hit('reject')) return cb(smtpError(451, 'Temporary failure, try again later (simulated)'));
        if (hit('slow')) await new Promise((r) => setTimeout(r, 3000));
        const parsed = await PostalMime.parse(raw);
        const messageId = parsed.messageId ?? '';
        const seen = messageId ? messages.find((m) => m.messageId === messageId) : undefined;
        if (seen) return cb(null, `Already queued as ${seen.id}`);
        const msg: MailMessage = {
          id: `MAIL${messages.length + 1}`,
          messageId,
          from: parsed.from?.address ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: (parsed.text ?? '').trim(),
          at: new Date().toISOString(),
        };
        messages.push(msg);
        if (o.echo !== false) process.stdout.write(`[email → ${msg.to.join(', ')}] ${msg.subject}\n`);
        cb(null, `Queued as ${msg.id}`);
      })().catch((err: unknown) => cb(smtpError(554, `Cannot read the message: ${String(err)}`)));
    },
  });
  await new Promise<void>((r) => smtp.listen(o.port ?? 0, '127.0.0.1', r));
  const url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const admin = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'GET' && u.pathname === '/admin/messages') {
        const to = u.searchParams.get('to');
        return sendJson(res, 200, to ? messages.filter((m) => m.to.includes(to)) : messages);
      }
      if (req.method === 'GET' && u.pathname === '/inbox') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(inboxPage(messages));
        return;
      }
      if (req.method === 'POST' && u.pathname === '/admin/faults') {
        const body = (await readJson(req)) as { fault?: SmtpFault; times?: number };
        fault = body.fault ?? 'none';
        left = body.times ?? Infinity;
        return sendJson(res, 200, { ok: true });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendJson(res, 400, { error: String(err) });
    }
  });
  const adminUrl = await listen(admin, o.adminPort ?? 0);

  return {
    url,
    adminUrl,
    messages,
    setFault: (f, times = Infinity) => {
      fault = f;
      left = times;
    },
    close: async () => {
      await close(admin);
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}
