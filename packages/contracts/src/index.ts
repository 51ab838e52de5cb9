export * from './roles.ts';
export * from './auth.ts';
export * from './units.ts';
export * from './problem.ts';
