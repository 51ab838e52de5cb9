/** What other features (the citizen portal) use from payments: links to the pay page and the fee summary. */
export { payPageUrl, paymentsApi } from './payments-api.ts';
export { FeeTable } from './fee-table.tsx';
