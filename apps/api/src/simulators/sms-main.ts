// `npm run sim:sms`: the SMS / e-mail gateway simulator as its own process.
import { startSmsSimulator } from './sms.ts';

const sim = await startSmsSimulator({ port: Number(process.env.SIM_SMS_PORT ?? 8191) });
process.stdout.write(`SMS simulator on ${sim.url} (inbox: ${sim.url}/inbox; GET /admin/messages?to=; POST /admin/faults {fault})\n`);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
