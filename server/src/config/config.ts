import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The environment is parsed once at boot. Every bad variable is named in one message, so an
 * operator fixes them all in one go instead of one restart per mistake.
 */
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL with protocol ${protocols.join(' or ')}`,
  );

/** Express's names for address ranges, accepted in TRUST_PROXY beside addresses and subnets. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** A number of hops, or a list of proxies: never `true`, which would let any client pick its address. */
const trustProxy = z.string().transform((v, ctx): number | string[] => {
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message:
      'must be the number of proxies in front (1-10) or their addresses or subnets, comma-separated (also loopback, linklocal, uniquelocal)',
  });
  return z.NEVER;
});

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/muster'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** Namespace of every Redis key and queue, so several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, 'may contain letters, digits, _ . - only')
    .default('muster'),
  /**
   * Where people, phones and Twilio reach the server: the answer link in every call-out SMS and
   * the webhooks given to Twilio are built from it. The default (http://localhost:PORT) opens on
   * this machine only; `npm start` warns about it (infra/public-url.mjs).
   */
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'must look like 12h, 30m or 7d')
    .default('12h'),
  /**
   * How long a server process may answer from its memory who a token's user is instead of reading
   * the user again. Revocations (deactivation, role, enterprise, password) apply at once on every
   * process, announced over Redis; other changes (a name) within this many seconds. 0 reads every
   * time.
   */
  ACCESS_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  DEMO_MODE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')
    .optional(),
  TWILIO_API_BASE: url(['http:', 'https:']).optional(),
  /**
   * Tencent Cloud SMS and voice messages (VMS), the mainland provider: an API key pair, the SMS
   * and voice application ids, the registered SMS signature (签名). Unset: Twilio alone.
   */
  TENCENT_SECRET_ID: z.string().min(1).optional(),
  TENCENT_SECRET_KEY: z.string().min(1).optional(),
  TENCENT_SMS_SDK_APP_ID: z.string().regex(/^\d+$/, 'must be digits').optional(),
  TENCENT_VOICE_SDK_APP_ID: z.string().regex(/^\d+$/, 'must be digits').optional(),
  TENCENT_SMS_SIGN: z.string().min(1).optional(),
  /**
   * The approved template ids per message kind, as JSON: `{"callout":{"sms":"…","voice":"…"},
   * "drill_callout":{…},"warning":{"sms":"…"},"reminder":{"sms":"…"}}` (see
   * messaging/tencent/tencent-templates.ts for the parameters each takes). Unset: the emulator's.
   */
  TENCENT_TEMPLATES: z.string().optional(),
  /** The key of the HMAC-SHA256 `Sign` header of Tencent's pushes (receipts, replies, keys). */
  TENCENT_CALLBACK_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where the SDK sends its requests instead of Tencent Cloud (the emulator), e.g. `http://127.0.0.1:3091`. */
  TENCENT_API_BASE: url(['http:', 'https:']).optional(),
  TENCENT_REGION: z.string().default('ap-guangzhou'),
  /** Seconds a request to Tencent Cloud may take before it counts as timed out. */
  TENCENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /**
   * How long a voice notification whose send got no answer is held before it may go to another
   * provider (VMS has no send-record query: only the call's own push can tell it was placed).
   * Longer than a call rings, plays and waits for its key, and its push arrives.
   */
  TENCENT_VOICE_HOLD_SECONDS: z.coerce.number().int().min(1).default(300),
  /**
   * Which providers reach which numbers, in order of preference, per kind of number:
   * `cn_mobile=tencent,twilio;cn_landline=tencent,twilio;foreign=twilio`. A provider not
   * configured is left out.
   */
  MESSAGING_ROUTES: z.string().default('cn_mobile=tencent,twilio;cn_landline=tencent,twilio;foreign=twilio'),
  /** A provider whose sends fail this many times (errors, time-outs) within the window is opened. */
  PROVIDER_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  PROVIDER_BREAKER_WINDOW_SECONDS: z.coerce.number().int().min(1).default(30),
  /** How long an opened provider is passed over before one probe is let through (half-open). */
  PROVIDER_BREAKER_OPEN_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Texts a domestic provider takes per number per day (its anti-spam cap); 0 = none. */
  TENCENT_DAILY_CAP_PER_NUMBER: z.coerce.number().int().min(0).default(10),
  /** Sends per second the domestic provider takes (its flow control); 0 = no limit. */
  TENCENT_RATE_PER_SECOND: z.coerce.number().int().min(0).default(0),
  MAP_TILE_URL: z.string().default(''),
  /**
   * The MQTT broker sensor readings arrive through (the worker subscribes). Unset: no MQTT
   * ingestion (`npm start` sets it to its embedded broker unless given one).
   */
  MQTT_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    url(['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']).optional(),
  ),
  /** Topics are `{prefix}/{enterpriseCreditCode}/{pointCode}`. */
  MQTT_TOPIC_PREFIX: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)*$/, 'must be topic levels of letters, digits, _ . - separated by /')
    .default('muster/readings'),
  /**
   * The ingesting worker's MQTT client id: its persistent session holds the readings that arrive
   * while it restarts. Two clients with one id take the session from each other: with several
   * workers, one ingests (see docs/architecture.md, "Sensor readings").
   */
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'may contain letters, digits, _ . - only (at most 64)')
    .default('muster-ingest'),
  /** Days of sensor readings kept (whole day partitions are dropped after that). */
  READING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TZ: z.string().default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /**
   * The bearer token a scraper sends for /metrics. Without it and without METRICS_PORT the
   * metrics are open in development and tests, and not served in production.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Serve /metrics on this port instead of PORT (one the load balancer does not expose). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /**
   * The reverse proxies whose X-Forwarded-For is believed (Express's `trust proxy`). Unset, nobody:
   * a client's address is that of its connection, so the login limits per address cannot be
   * dodged by sending the header.
   */
  TRUST_PROXY: trustProxy.optional(),
  /**
   * After SIGTERM, how long the server keeps serving while /health already answers 503, so that
   * a load balancer (Kubernetes' endpoints) stops sending it requests before its listener closes.
   */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(60).default(0),
  /** Sends per second per sender number (the provider's limit); 0 = no limit. */
  SMS_RATE_PER_SECOND: z.coerce.number().int().min(0).default(10),
  /**
   * Multiplies every escalation delay (voice delay, acknowledgement timeout). 1 in production;
   * tests and demos run a ladder of minutes in seconds with e.g. 0.01.
   */
  CALLOUT_TIME_SCALE: z.coerce.number().positive().max(1).default(1),
  /**
   * How many people of a tier one transaction pages. The first part's texts leave while the rest
   * are written, and an answer waits for the call-out's row lock one part at a time.
   */
  CALLOUT_TIER_PART: z.coerce.number().int().min(1).max(100_000).default(5000),
  /**
   * How long a worker holds a job before another may take it over: after a worker dies, its
   * jobs resume within about this time.
   */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /**
   * How often the worker checks PostgreSQL's open jobs against Redis and queues again those Redis
   * lost: the longest a page or timer waits after Redis came back empty without the worker noticing.
   */
  JOB_RECONCILE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** Uploaded photos and documents; relative paths are taken from the working directory. */
  UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /**
   * The CJK font the printed report forms (事故快报, 续报) are set in, embedded as a subset:
   * Debian's fonts-wqy-microhei (Apache-2.0), which the start and CI scripts and the image
   * install. A .ttc names its face after a colon: path:PostScriptName.
   */
  REPORT_FONT: z.string().min(1).default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc:WenQuanYiMicroHei'),
  /** Where uploaded files live: `local` (UPLOAD_DIR) or `s3` (an S3-compatible bucket, S3_*). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  /** Unset for AWS itself; the URL of another S3-compatible store (MinIO, Ceph, OSS, COS...). */
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must look like us-east-1 or cn-north-1')
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3-63 lowercase letters, digits, dots and hyphens',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted stores need it. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = z.infer<typeof schema>;

export interface AppConfig extends Omit<Env, 'JWT_SECRET' | 'PUBLIC_URL'> {
  JWT_SECRET: string;
  PUBLIC_URL: string;
}

/** Variables that are never logged or echoed. */
export const SECRET_KEYS = [
  'JWT_SECRET',
  'TWILIO_AUTH_TOKEN',
  'TENCENT_SECRET_KEY',
  'TENCENT_CALLBACK_KEY',
  'DATABASE_URL',
  'S3_SECRET_ACCESS_KEY',
  'METRICS_TOKEN',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" for optional variables (common in .env files and compose).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const cfg = parsed.data;
  if (!isValidTimeZone(cfg.TZ)) problems.push(`TZ: unknown time zone "${cfg.TZ}"`);
  if (cfg.NODE_ENV === 'production' && !cfg.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (at least 32 characters)');
  }
  if (cfg.NODE_ENV === 'production' && cfg.DEMO_MODE) {
    problems.push('DEMO_MODE: demo data is never created in production');
  }
  if (cfg.METRICS_PORT !== undefined && cfg.METRICS_PORT === cfg.PORT) {
    problems.push('METRICS_PORT: must differ from PORT');
  }
  if (cfg.FILE_STORE === 's3') {
    for (const k of ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!cfg[k]) problems.push(`${k}: required when FILE_STORE is s3`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...cfg,
    // Development and tests get a per-process secret: tokens simply do not survive a restart.
    JWT_SECRET: cfg.JWT_SECRET ?? `dev-only-${process.pid}-${Math.random().toString(36).slice(2)}-secret-key`,
    PUBLIC_URL: cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
