import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MOTCUA_DATA_DIR: z.string().min(1).default('./data'),
  MOTCUA_DEMO: bool.optional(),
  MOTCUA_DEMO_PASSWORD: z.string().min(4).default('motcua'),
  MOTCUA_WORKER: z.enum(['inline', 'off']).default('inline'),
  MOTCUA_PUBLIC_ORIGIN: z.url().optional(),
  MOTCUA_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  MOTCUA_COOKIE_SECURE: bool.optional(),
  MOTCUA_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(10),
  MOTCUA_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'true, false, or comma-separated proxy addresses/CIDRs')
    .optional(),
  MOTCUA_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  MOTCUA_SIMULATORS: z.enum(['inline', 'off']).optional(),
  MOTCUA_AGENCY_URL: z.url().optional(),
  MOTCUA_AGENCY_SECRET: z.string().min(16).optional(),
  MOTCUA_LLM_URL: z.url().optional(),
  MOTCUA_LLM_MODEL: z.string().min(1).max(200).optional(),
  MOTCUA_LLM_KEY: z.string().min(1).optional(),
  MOTCUA_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  MOTCUA_PAYMENT_URL: z.url().optional(),
  MOTCUA_PAYMENT_SECRET: z.string().min(16).optional(),
  MOTCUA_PAYMENT_MERCHANT: z.string().regex(/^[A-Z0-9_-]{2,40}$/).default('MOTCUA'),
  MOTCUA_PORTAL_URL: z.url().optional(),
  MOTCUA_PORTAL_TOKEN: z.string().min(1).optional(),
  MOTCUA_CIVIL_STATUS_URL: z.url().optional(),
  MOTCUA_BUSINESS_REG_URL: z.url().optional(),
  MOTCUA_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MOTCUA_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(12),
  MOTCUA_OUTBOX_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  MOTCUA_OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  MOTCUA_OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MOTCUA_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  MOTCUA_OUTBOX_BACKOFF_CAP_MS: z.coerce.number().int().min(10).max(86_400_000).default(900_000),
  MOTCUA_OUTBOX_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  MOTCUA_SMS_URL: z.url().optional(),
  MOTCUA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]+/, 'must be an smtp:// or smtps:// URL (smtp://user:password@host:587)')
    .optional(),
  MOTCUA_MAIL_FROM: z.string().min(3).max(200).optional(),
  MOTCUA_POPULATION_URL: z.url().optional(),
  MOTCUA_OIDC_ISSUER: z.url().optional(),
  MOTCUA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  MOTCUA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  worker: 'inline' | 'off';
  publicOrigin: string | undefined;
  sessionHours: number;
  cookieSecure: boolean;
  loginRateLimit: number;
  /** Proxies whose X-Forwarded-For / -Proto are believed (Fastify trustProxy): the client address for limits and logs. */
  trustProxy: boolean | string[];
  storage:
    | { kind: 'local'; dir: string }
    | { kind: 's3'; endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  logLevel: string;
  /** Start the external-system simulators inside the API process (development and demo). */
  simulators: 'inline' | 'off';
  /** Interconnect gateway to police / social insurance; unset with inline simulators = the local simulator. */
  agencyUrl: string | undefined;
  /** Shared secret agencies send back on callbacks (header x-motcua-agency-secret). */
  agencySecret: string;
  citizen: CitizenConfig;
  /** OpenAI-compatible model that may rephrase the assistant's grounded answers; null = templates only. */
  llm: { url: string; model: string; key: string | undefined; timeoutMs: number } | null;
  /** Payment gateway; unset with inline simulators = the local simulator. */
  paymentUrl: string | undefined;
  /** HMAC-SHA256 key shared with the payment gateway (signs orders, callbacks, queries). */
  paymentSecret: string;
  paymentMerchant: string;
  /** National Public Service Portal sync API; unset with inline simulators = the local simulator. */
  portalUrl: string | undefined;
  portalToken: string | undefined;
  /** Sector systems receiving results: national civil-status database, household-business registration. */
  civilStatusUrl: string | undefined;
  businessRegUrl: string | undefined;
  /** Per call to the portal / sector systems / webhooks, and failed attempts before a dead letter. */
  sync: { timeoutMs: number; maxAttempts: number };
  /** Outbox worker tuning (batch per claim, handlers in flight, idle poll, first and longest retry delay, lease). */
  outbox: { batchSize: number; concurrency: number; pollMs: number; backoffBaseMs: number; backoffCapMs: number; leaseMs: number };
};

/**
 * Citizen portal: SMS / e-mail gateway, mail relay, population registry, OpenID Connect provider (VNeID style);
 * unset with inline simulators = local simulators. With `smtpUrl` set, e-mail goes over SMTP from `mailFrom`, else through the SMS gateway.
 */
export type CitizenConfig = {
  smsUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  populationUrl: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates every setting at once, so a bad deployment lists all its mistakes in one go. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.MOTCUA_DEMO ?? !production;
  if (production && demo) problems.push('MOTCUA_DEMO: demo accounts are never created in production');
  const simulators = e.MOTCUA_SIMULATORS ?? (production ? 'off' : 'inline');
  if (production && simulators === 'inline') problems.push('MOTCUA_SIMULATORS: simulators never run in production');
  if (production && !e.MOTCUA_AGENCY_SECRET) problems.push('MOTCUA_AGENCY_SECRET: required in production (callbacks from agencies)');
  if (e.MOTCUA_LLM_URL && !e.MOTCUA_LLM_MODEL) problems.push('MOTCUA_LLM_MODEL: required with MOTCUA_LLM_URL');
  if (production && e.MOTCUA_PAYMENT_URL && !e.MOTCUA_PAYMENT_SECRET) problems.push('MOTCUA_PAYMENT_SECRET: required in production with a payment gateway');
  if (production && e.MOTCUA_SMTP_URL && !e.MOTCUA_MAIL_FROM) problems.push('MOTCUA_MAIL_FROM: required in production with a mail relay (the sender citizens see)');
  if (production && !e.DATABASE_URL) {
    problems.push('DATABASE_URL: production runs on PostgreSQL; the embedded database does not fsync');
  }
  if (e.MOTCUA_STORAGE === 's3') {
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!e[key]) problems.push(`${key}: required when MOTCUA_STORAGE=s3`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.MOTCUA_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    demo,
    demoPassword: e.MOTCUA_DEMO_PASSWORD,
    worker: e.MOTCUA_WORKER,
    publicOrigin: e.MOTCUA_PUBLIC_ORIGIN,
    sessionHours: e.MOTCUA_SESSION_HOURS,
    cookieSecure: e.MOTCUA_COOKIE_SECURE ?? production,
    loginRateLimit: e.MOTCUA_LOGIN_RATE_LIMIT,
    trustProxy: parseTrustProxy(e.MOTCUA_TRUST_PROXY),
    storage:
      e.MOTCUA_STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT!,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          }
        : { kind: 'local', dir: path.join(dataDir, 'files') },
    logLevel: e.LOG_LEVEL,
    simulators,
    agencyUrl: e.MOTCUA_AGENCY_URL,
    agencySecret: e.MOTCUA_AGENCY_SECRET ?? 'motcua-dev-agency-secret',
    citizen: {
      smsUrl: e.MOTCUA_SMS_URL,
      smtpUrl: e.MOTCUA_SMTP_URL,
      mailFrom: e.MOTCUA_MAIL_FROM ?? 'Motcua <khong-tra-loi@motcua.localhost>',
      populationUrl: e.MOTCUA_POPULATION_URL,
      oidc: e.MOTCUA_OIDC_ISSUER && e.MOTCUA_OIDC_CLIENT_ID ? { issuer: e.MOTCUA_OIDC_ISSUER, clientId: e.MOTCUA_OIDC_CLIENT_ID, clientSecret: e.MOTCUA_OIDC_CLIENT_SECRET } : null,
    },
    llm: e.MOTCUA_LLM_URL && e.MOTCUA_LLM_MODEL ? { url: e.MOTCUA_LLM_URL, model: e.MOTCUA_LLM_MODEL, key: e.MOTCUA_LLM_KEY, timeoutMs: e.MOTCUA_LLM_TIMEOUT_MS } : null,
    portalUrl: e.MOTCUA_PORTAL_URL,
    portalToken: e.MOTCUA_PORTAL_TOKEN,
    civilStatusUrl: e.MOTCUA_CIVIL_STATUS_URL,
    businessRegUrl: e.MOTCUA_BUSINESS_REG_URL,
    sync: { timeoutMs: e.MOTCUA_SYNC_TIMEOUT_MS, maxAttempts: e.MOTCUA_SYNC_MAX_ATTEMPTS },
    outbox: { batchSize: e.MOTCUA_OUTBOX_BATCH, concurrency: e.MOTCUA_OUTBOX_CONCURRENCY, pollMs: e.MOTCUA_OUTBOX_POLL_MS, backoffBaseMs: e.MOTCUA_OUTBOX_BACKOFF_MS, backoffCapMs: e.MOTCUA_OUTBOX_BACKOFF_CAP_MS, leaseMs: e.MOTCUA_OUTBOX_LEASE_MS },
    paymentUrl: e.MOTCUA_PAYMENT_URL,
    paymentSecret: e.MOTCUA_PAYMENT_SECRET ?? 'motcua-dev-payment-secret',
    paymentMerchant: e.MOTCUA_PAYMENT_MERCHANT,
  };
}

function parseTrustProxy(v: string | undefined): boolean | string[] {
  if (v === undefined || v === 'false') return false;
  return v === 'true' ? true : v.split(',');
}
