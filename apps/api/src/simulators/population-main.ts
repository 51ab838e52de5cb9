// `npm run sim:population`: the population database + civil-status registry simulator as its own process.
import { startPopulationSimulator } from './population.ts';

const sim = await startPopulationSimulator({ port: Number(process.env.SIM_POPULATION_PORT ?? 8192) });
process.stdout.write(`Population / civil-status simulator on ${sim.url} (POST /population/lookup {idNumber, phone}; GET /civil-status/{commune}/marital/{idNumber}; POST /admin/faults {fault})\n`);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
