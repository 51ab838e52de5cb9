// `npm run sim:portal`: the National Public Service Portal simulator as its own process.
import { startPortalSimulator } from './portal.ts';

const sim = await startPortalSimulator({ port: Number(process.env.SIM_PORTAL_PORT ?? 8185), ...(process.env.MOTCUA_PORTAL_TOKEN ? { token: process.env.MOTCUA_PORTAL_TOKEN } : {}) });
process.stdout.write(
  `Portal simulator on ${sim.url} (POST /admin/faults {mode, failRate, failKinds, duplicateAcks, outOfOrderAcks, rejectAgencies}; GET /admin/stats, /admin/records; POST /admin/reset)\n`,
);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
