// `npm run sim:smtp`: the mail relay simulator (real SMTP) as its own process.
import { startSmtpSimulator } from './smtp.ts';

const sim = await startSmtpSimulator({ port: Number(process.env.SIM_SMTP_PORT ?? 2525), adminPort: Number(process.env.SIM_SMTP_ADMIN_PORT ?? 8193) });
process.stdout.write(`SMTP simulator on ${sim.url} (inbox: ${sim.adminUrl}/inbox; GET /admin/messages?to=; POST /admin/faults {fault: reject|bounce|down|slow|none, times})\n`);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
