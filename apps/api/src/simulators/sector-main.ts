// `npm run sim:sectors`: the national civil-status database and the household-business registration system.
import { startSectorSimulator } from './sector.ts';

const civil = await startSectorSimulator({ system: 'civil_status', port: Number(process.env.SIM_CIVIL_STATUS_PORT ?? 8186) });
const business = await startSectorSimulator({ system: 'household_business', port: Number(process.env.SIM_BUSINESS_REG_PORT ?? 8187) });
process.stdout.write(`Civil-status database simulator on ${civil.url}\nHousehold-business registration simulator on ${business.url}\n(POST /admin/faults {fault}; GET /admin/records)\n`);
const stop = () => void Promise.all([civil.close(), business.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
