import http from 'node:http';
import { applyFault, close, listen, readJson, sendJson, type Fault } from './http-sim.ts';

/**
 * Stand-in for the SMS / e-mail gateway (a telecom brand-name SMS API). Accepts a message over
 * HTTP (idempotent per Idempotency-Key), keeps it, prints it to the console, and shows every
 * message on an inbox page (/inbox) so a developer can read one-time codes.
 */
export type SmsMessage = { id: string; channel: 'sms' | 'email'; to: string; text: string; subject?: string; key: string; at: string };
export type SmsSimulator = { url: string; messages: SmsMessage[]; setFault(fault: Fault): void; close(): Promise<void> };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function inboxPage(messages: SmsMessage[]): string {
  const rows = [...messages]
    .reverse()
    .slice(0, 200)
    .map((m) => `<li><b>${esc(m.to)}</b> <small>${esc(m.at)} · ${m.channel}</small><br>${m.subject ? `<i>${esc(m.subject)}</i><br>` : ''}${esc(m.text)}</li>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Hộp thư SMS (mô phỏng)</title></head><body><h1>Hộp thư SMS (mô phỏng)</h1><ul>${rows || '<li>Chưa có tin nhắn.</li>'}</ul></body></html>`;
}

export async function startSmsSimulator(o: { port?: number; echo?: boolean } = {}): Promise<SmsSimulator> {
  const messages: SmsMessage[] = [];
  let fault: Fault = 'none';
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      const m = /^\/(sms|email)$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        if (await applyFault(fault, res)) return;
        const body = (await readJson(req)) as { to?: string; text?: string; subject?: string };
        const key = String(req.headers['idempotency-key'] ?? '');
        if (!key || !body?.to || !body.text) return sendJson(res, 400, { error: 'to, text and idempotency-key are required' });
        const seen = messages.find((x) => x.key === key);
        if (seen) return sendJson(res, 200, { id: seen.id, duplicate: true });
        const msg: SmsMessage = { id: `SIM${messages.length + 1}`, channel: m[1] as 'sms' | 'email', to: body.to, text: body.text, ...(body.subject ? { subject: body.subject } : {}), key, at: new Date().toISOString() };
        messages.push(msg);
        if (o.echo !== false) process.stdout.write(`[${msg.channel} → ${msg.to}] ${msg.text}\n`);
        return sendJson(res, 200, { id: msg.id });
      }
      if (req.method === 'GET' && url.pathname === '/admin/messages') {
        const to = url.searchParams.get('to');
        return sendJson(res, 200, to ? messages.filter((x) => x.to === to) : messages);
      }
      if (req.method === 'GET' && url.pathname === '/inbox') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(inboxPage(messages));
        return;
      }
      if (req.method === 'POST' && url.pathname === '/admin/faults') {
        fault = ((await readJson(req)) as { fault: Fault }).fault ?? 'none';
        return sendJson(res, 200, { ok: true });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendJson(res, 400, { error: String(err) });
    }
  });
  const url = await listen(server, o.port ?? 0);
  return { url, messages, setFault: (f) => void (fault = f), close: () => close(server) };
}
