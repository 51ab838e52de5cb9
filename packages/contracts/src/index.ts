export * from './roles.ts';
export * from './auth.ts';
export * from './units.ts';
export * from './problem.ts';
export * from './time-limit.ts';
export * from './catalog.ts';
export * from './calendar.ts';
export * from './dossier.ts';
