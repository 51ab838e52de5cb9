// `npm run sim:payment`: the payment gateway simulator as its own process.
import { startPaymentSimulator, type PaymentMode } from './payment.ts';

const sim = await startPaymentSimulator({
  port: Number(process.env.SIM_PAYMENT_PORT ?? 8182),
  secret: process.env.MOTCUA_PAYMENT_SECRET ?? 'motcua-dev-payment-secret',
  merchant: process.env.MOTCUA_PAYMENT_MERCHANT ?? 'MOTCUA',
  lateMs: Number(process.env.SIM_PAYMENT_LATE_MS ?? 5000),
});
if (process.env.SIM_PAYMENT_MODE) sim.setMode(process.env.SIM_PAYMENT_MODE as PaymentMode);
process.stdout.write(`Payment gateway simulator on ${sim.url} (POST /admin/mode {mode: success|failure|late|duplicate|down, lateMs}; GET /admin/orders)\n`);
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
