import { demoLogins } from '../seed/demo.ts';
import { boot, createLogger } from './bootstrap.ts';
import { httpModules, outboxHandlers, scheduledJobs } from './modules.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { buildApp } from './platform/http/app.ts';
import { Scheduler } from './platform/jobs/scheduler.ts';
import { OutboxWorker } from './platform/outbox/worker.ts';
import { startAgencySimulator } from './simulators/agencies.ts';
import { startSmsSimulator } from './simulators/sms.ts';
import { startSmtpSimulator } from './simulators/smtp.ts';
import { startPopulationSimulator } from './simulators/population.ts';
import { startPortalSimulator } from './simulators/portal.ts';
import { startSectorSimulator } from './simulators/sector.ts';
import { startPaymentSimulator } from './simulators/payment.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
}

let config = readConfig();
const log = createLogger(config);
// Development and demo: the external national systems are simulators in this process, started side
// by side so they add no time to start-up.
const simulators: { close(): Promise<void> }[] = [];
let mailInbox: string | undefined;
if (config.simulators === 'inline') {
  const c = config;
  const started = <T extends { close(): Promise<void> }>(p: Promise<T>) => p.then((sim) => (simulators.push(sim), sim));
  const port = (name: string) => Number(process.env[name] ?? 0);
  const [agencies, sms, smtp, population, payment, portal, sectors] = await Promise.all([
    c.agencyUrl ? null : started(startAgencySimulator({ secret: c.agencySecret, decisionDelayMs: 5000 })),
    c.citizen.smsUrl ? null : started(startSmsSimulator({ port: port('SIM_SMS_PORT') })),
    c.citizen.smtpUrl ? null : started(startSmtpSimulator({ port: port('SIM_SMTP_PORT'), adminPort: port('SIM_SMTP_ADMIN_PORT') })),
    c.citizen.populationUrl ? null : started(startPopulationSimulator({ port: port('SIM_POPULATION_PORT') })),
    c.paymentUrl ? null : started(startPaymentSimulator({ secret: c.paymentSecret, merchant: c.paymentMerchant, port: port('SIM_PAYMENT_PORT') })),
    c.portalUrl ? null : started(startPortalSimulator({ port: port('SIM_PORTAL_PORT') })),
    c.civilStatusUrl || c.businessRegUrl
      ? null
      : Promise.all([started(startSectorSimulator({ system: 'civil_status' })), started(startSectorSimulator({ system: 'household_business' }))]),
  ]);
  config = {
    ...c,
    ...(agencies ? { agencyUrl: agencies.url } : {}),
    ...(payment ? { paymentUrl: payment.url } : {}),
    ...(portal ? { portalUrl: portal.url } : {}),
    ...(sectors ? { civilStatusUrl: sectors[0].url, businessRegUrl: sectors[1].url } : {}),
    citizen: { ...c.citizen, ...(sms ? { smsUrl: sms.url } : {}), ...(smtp ? { smtpUrl: smtp.url } : {}), ...(population ? { populationUrl: population.url } : {}) },
  };
  mailInbox = smtp ? `${smtp.adminUrl}/inbox` : undefined;
}
const started = performance.now();
const { ctx, database } = await boot(config, log, { seed: true });

let worker: OutboxWorker | undefined;
let scheduler: Scheduler | undefined;
if (config.worker === 'inline') {
  worker = new OutboxWorker({ db: ctx.db, clock: ctx.clock, log: log.child({ component: 'outbox' }), ...config.outbox });
  for (const [topic, handler] of Object.entries(outboxHandlers(ctx))) worker.register(topic, handler);
  ctx.wakeOutbox = () => worker?.wake();
  worker.start();
  scheduler = new Scheduler(log.child({ component: 'jobs' }));
  scheduler.start(scheduledJobs(ctx));
}

const app = await buildApp(ctx, httpModules);
await app.listen({ host: config.host, port: config.port });
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const url = `http://${shownHost}:${config.port}`;

const lines = [
  '',
  `  Motcua is running at ${url}  (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  `  Database: ${database.describe}${database.kind === 'pglite' ? ' (for trying and development only; production uses PostgreSQL)' : ''}`,
  `  API docs: ${url}/api/docs   Health: ${url}/api/health`,
  ...(simulators.length > 0 ? [`  Simulators (in process): police / social insurance at ${config.agencyUrl}, payment gateway at ${config.paymentUrl}`] : []),
  ...(mailInbox ? [`  E-mail (SMTP simulator at ${config.citizen.smtpUrl}): ${mailInbox}`] : []),
];
if (config.demo) {
  lines.push(`  Demo logins (password "${config.demoPassword}"):`);
  for (const l of demoLogins()) lines.push(`    ${l.username.padEnd(20)} ${l.role.padEnd(16)} ${l.unit}`);
}
process.stdout.write(`${lines.join('\n')}\n\n`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'shutting down');
  await app.close();
  await worker?.stop();
  await scheduler?.stop();
  await Promise.all(simulators.map((s) => s.close()));
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
