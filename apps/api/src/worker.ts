import { boot, createLogger } from './bootstrap.ts';
import { outboxHandlers, scheduledJobs } from './modules.ts';
import { loadConfig } from './platform/config.ts';
import { Scheduler } from './platform/jobs/scheduler.ts';
import { OutboxWorker } from './platform/outbox/worker.ts';

// The standalone worker for production: run the API with MOTCUA_WORKER=off and this beside it.
const config = loadConfig();
const log = createLogger(config);
const { ctx, database } = await boot(config, log, { seed: false });
const worker = new OutboxWorker({ db: ctx.db, clock: ctx.clock, log: log.child({ component: 'outbox' }), ...config.outbox });
for (const [topic, handler] of Object.entries(outboxHandlers(ctx))) worker.register(topic, handler);
worker.start();
const scheduler = new Scheduler(log.child({ component: 'jobs' }));
scheduler.start(scheduledJobs(ctx));
log.info('outbox worker and scheduled jobs started');

async function shutdown() {
  await worker.stop();
  await scheduler.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
