// `npm run sim:agencies`: the police / social insurance simulator as its own process.
import { startAgencySimulator } from './agencies.ts';

const sim = await startAgencySimulator({
  port: Number(process.env.SIM_AGENCIES_PORT ?? 8181),
  secret: process.env.MOTCUA_AGENCY_SECRET ?? 'motcua-dev-agency-secret',
  decisionDelayMs: Number(process.env.SIM_DECISION_DELAY_MS ?? 5000),
});
process.stdout.write(`Agency simulator on ${sim.url} (POST /admin/faults {agency, fault|decision}; GET /admin/received)\n`);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
