/**
 * The platform's configuration: every environment variable the application (API, workers, seeds, database, the
 * engine client, the start-up) reads, declared once here, and the engine's variables declared in the engine's
 * config schema and composed in (decision 0017). `npm start` validates them all before anything starts; README's
 * Configuration table is generated from these declarations (`npm run docs:config`) and a unit test keeps the two
 * equal.
 */
import { z } from 'zod';
import {
  ConfigError,
  ENGINE_VARIABLES,
  HOST_EXPECTED,
  PORT_EXPECTED,
  ENGINE_CROSS_CHECKS,
  hidden,
  host,
  integerIn,
  listOf,
  oneOf,
  port,
  rawValue,
  readVariable,
  readVariables,
  redact,
  type ConfigProblem,
  type CrossCheck,
  type EnvVariable,
  type Environment,
  type ValuesOf,
  type VariableSet,
} from '../../engine/config-schema';

export { ConfigError, type ConfigProblem } from '../../engine/config-schema';

/** The value as a URL, or undefined with the problem reported. */
function parsedUrl(value: string, context: z.RefinementCtx): URL | undefined {
  try {
    return new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'not a URL' });
    return undefined;
  }
}

/** A URL of one of the given schemes (with the colon, e.g. `http:`), with a host. */
function urlOf(schemes: readonly string[]): z.ZodType<string, z.ZodTypeDef, string | undefined> {
  return z.string().superRefine((value, context) => {
    const url = parsedUrl(value, context);
    if (!url) return;
    if (!schemes.includes(url.protocol))
      context.addIssue({ code: 'custom', message: `scheme ${url.protocol} is not supported` });
    else if (url.hostname === '') context.addIssue({ code: 'custom', message: 'no host' });
  });
}

/** sqlite:<path> (sqlite: alone is in memory), or mysql:// / mariadb:// with a host and a database. */
const appDatabaseUrl = z.string().superRefine((value, context) => {
  if (value.startsWith('sqlite:')) return;
  if (!/^(mysql|mariadb):\/\//.test(value)) {
    context.addIssue({ code: 'custom', message: 'unsupported scheme' });
    return;
  }
  const url = parsedUrl(value, context);
  if (!url) return;
  if (url.hostname === '') context.addIssue({ code: 'custom', message: 'no host' });
  if (url.pathname.replace(/^\//, '') === '') context.addIssue({ code: 'custom', message: 'no database' });
});

/** A decimal number above 0 and up to `max`, e.g. `12` or `0.5`. */
const positiveNumberUpTo = (max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().positive().max(max));

const boolean = oneOf(['true', 'false']).transform((value) => value === 'true');

const LOG_LEVELS = ['silent', 'error', 'warn', 'info'] as const;
const NOTIFY_ADAPTERS = ['log', 'webhook'] as const;
const DOCUMENT_STORES = ['folder', 's3'] as const;
const PLATFORM_ENGINES = ['embedded', 'external'] as const;
const APP_ROLES = ['both', 'api', 'workers'] as const;
const CAMUNDA_AUTH_STRATEGIES = ['NONE', 'OAUTH', 'BASIC', 'BEARER', 'COOKIE'] as const;
const CAMUNDA_LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'none'] as const;
const ZEEBE_CLIENT_LOG_LEVELS = ['DEBUG', 'INFO', 'ERROR', 'NONE'] as const;

/** The application's variables, in README's order. */
export const APP_VARIABLES = {
  APP_PORT: { expected: PORT_EXPECTED, default: '3000', meaning: 'the API port', schema: port() },
  APP_HOST: { expected: HOST_EXPECTED, default: '127.0.0.1', meaning: 'the API listen address', schema: host() },
  APP_MAX_BODY_KB: {
    expected: 'an integer number of kilobytes from 1 to 102400',
    default: '2048',
    meaning: 'the largest JSON request body the API reads; a larger one is answered 413',
    schema: integerIn(1, 102_400),
  },
  APP_MAX_IN_FLIGHT: {
    expected: 'an integer from 1 to 100000',
    default: '256',
    meaning:
      'the most API requests served at once; one more is answered 503 with Retry-After at once rather than queued',
    schema: integerIn(1, 100_000),
  },
  APP_DATABASE_URL: {
    expected: 'sqlite:<path> or mysql://user:pass@host:port/db (also mariadb://)',
    default: 'sqlite:./data/app.db',
    meaning: "the application's database (SQLite file, or MySQL / MariaDB)",
    schema: appDatabaseUrl,
    show: redact,
  },
  APP_AUTH_SECRET: {
    expected: 'at least 16 characters',
    defaultText: 'random per start',
    meaning: 'signs login tokens; set it so tokens survive a restart',
    schema: z.string().min(16).optional(),
    show: hidden,
  },
  APP_TOKEN_TTL_HOURS: {
    expected: 'a number of hours above 0 and up to 8760, e.g. 12 or 0.5',
    default: '12',
    meaning: 'login token lifetime',
    schema: positiveNumberUpTo(8760),
  },
  APP_SIGNIN_MAX_FAILURES: {
    expected: 'an integer from 1 to 1000',
    default: '5',
    meaning: 'failed sign-ins of one login within APP_SIGNIN_WINDOW_MINUTES before it is locked',
    schema: integerIn(1, 1000),
  },
  APP_SIGNIN_ADDRESS_MAX_FAILURES: {
    expected: 'an integer from 1 to 100000',
    default: '50',
    meaning: 'failed sign-ins from one client address within APP_SIGNIN_WINDOW_MINUTES before it is locked',
    schema: integerIn(1, 100_000),
  },
  APP_SIGNIN_WINDOW_MINUTES: {
    expected: 'a number of minutes above 0 and up to 1440, e.g. 15 or 0.5',
    default: '15',
    meaning: 'how long failed sign-ins are counted',
    schema: positiveNumberUpTo(1440),
  },
  APP_SIGNIN_LOCKOUT_MINUTES: {
    expected: 'a number of minutes above 0 and up to 1440, e.g. 15 or 0.5',
    default: '15',
    meaning: 'how long a login or address stays locked after too many failed sign-ins',
    schema: positiveNumberUpTo(1440),
  },
  APP_DEMO_DATA: {
    expected: 'true or false',
    default: 'true',
    meaning: 'false leaves out demo users, customers and cases (seeded into an empty database only)',
    schema: boolean,
  },
  DEMO_PASSWORD: {
    expected: 'at least 8 characters',
    default: 'demo1234',
    meaning: 'the password of every demo user',
    schema: z.string().min(8),
    show: hidden,
  },
  APP_DOCUMENTS_DIR: {
    expected: 'a folder path',
    default: './data/documents',
    meaning: 'where uploaded case documents are kept (created when missing)',
    schema: z.string().min(1),
  },
  APP_DOCUMENT_MAX_MB: {
    expected: 'a number of megabytes above 0 and up to 100',
    default: '10',
    meaning: 'the largest document a user may upload',
    schema: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number)
      .pipe(z.number().positive().max(100)),
  },
  APP_DOCUMENTS_STORE: {
    expected: listOf(DOCUMENT_STORES),
    default: 'folder',
    meaning: 'where document files go: the folder APP_DOCUMENTS_DIR, or an S3-compatible store (APP_S3_*)',
    schema: oneOf(DOCUMENT_STORES),
  },
  APP_S3_ENDPOINT: {
    expected: 'an http:// or https:// URL',
    defaultText: 'none (required when APP_DOCUMENTS_STORE=s3)',
    meaning: 'the S3-compatible service (MinIO, Ceph, a cloud object store), with its port when not 80/443',
    schema: urlOf(['http:', 'https:']).optional(),
  },
  APP_S3_BUCKET: {
    expected: 'a bucket name (3–63 lower-case letters, digits, dots, hyphens)',
    default: 'case-documents',
    meaning: 'the bucket the documents go to (it must exist)',
    schema: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
  },
  APP_S3_REGION: {
    expected: 'a region name',
    default: 'us-east-1',
    meaning: "the store's region (signed into every request; most S3-compatible servers take us-east-1)",
    schema: z.string().min(1),
  },
  APP_S3_ACCESS_KEY: {
    expected: 'an access key id',
    defaultText: 'none (required when APP_DOCUMENTS_STORE=s3)',
    meaning: 'the access key of the account that writes the bucket',
    schema: z.string().min(1).optional(),
  },
  APP_S3_SECRET_KEY: {
    expected: 'a secret access key',
    defaultText: 'none (required when APP_DOCUMENTS_STORE=s3)',
    meaning: 'its secret',
    schema: z.string().min(1).optional(),
    show: hidden,
  },
  APP_S3_PATH_STYLE: {
    expected: 'true or false',
    default: 'true',
    meaning:
      'true: the bucket in the path (https://host/bucket/key, what MinIO and most in-house stores need); false: in the host name',
    schema: boolean,
  },
  NOTIFY_ADAPTER: {
    expected: listOf(NOTIFY_ADAPTERS),
    default: 'log',
    meaning: 'how notifications leave: written to the log, or POSTed as JSON to NOTIFY_WEBHOOK_URL',
    schema: oneOf(NOTIFY_ADAPTERS),
  },
  NOTIFY_WEBHOOK_URL: {
    expected: 'an http:// or https:// URL',
    defaultText: 'none (required when NOTIFY_ADAPTER=webhook)',
    meaning: 'where the webhook adapter POSTs notifications',
    schema: urlOf(['http:', 'https:']).optional(),
  },
  APP_RECONCILE_INTERVAL_SECONDS: {
    expected: 'a number of seconds from 1 to 86400',
    default: '60',
    meaning:
      'how often open cases are checked against their process instances (cancelled, ended or gone on the engine); also once at start',
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(86400)),
  },
  ARREARS_OPEN_HOUR: {
    expected: 'off, or an hour of the day from 0 to 23 (China time)',
    default: '8',
    meaning:
      "when the job workers open the day's arrears cases (decision 0060): once a day, at or after this hour of the application's clock; off leaves it to POST /api/collection/arrears/open",
    schema: z.union([z.literal('off').transform(() => null), integerIn(0, 23)]),
  },
  APP_ROLE: {
    expected: listOf(APP_ROLES),
    default: 'both',
    meaning:
      'what this process runs: both (the API and the job workers, as one process), api (the API, and the start of cases a crash left unstarted) or workers (the job workers, reminders and reconciliation); run one api and one workers process on the same databases to have them apart',
    schema: oneOf(APP_ROLES),
  },
  APP_SOURCE_MAPS: {
    expected: 'true or false',
    default: 'false',
    meaning:
      "true: stack traces in the application's logs name lines of the TypeScript sources, at about a fifth of the API's throughput (the database layer and the engine client take a stack trace on every call; decision 0069); false names the transpiled lines of the same files",
    schema: boolean,
  },
  PLATFORM_ENGINE: {
    expected: listOf(PLATFORM_ENGINES),
    default: 'embedded',
    meaning: 'external: do not start the embedded engine; use the one at ZEEBE_GRPC_ADDRESS and ZEEBE_REST_ADDRESS',
    schema: oneOf(PLATFORM_ENGINES),
  },
  ZEEBE_GRPC_ADDRESS: {
    expected: 'a grpc:// or grpcs:// URL with host and port',
    default: 'grpc://127.0.0.1:26500',
    meaning: "where the application finds the engine's gRPC gateway",
    schema: urlOf(['grpc:', 'grpcs:']),
  },
  ZEEBE_REST_ADDRESS: {
    expected: 'an http:// or https:// URL',
    default: 'http://127.0.0.1:8080',
    meaning: "where the application finds the engine's REST API",
    schema: urlOf(['http:', 'https:']),
  },
  CAMUNDA_AUTH_STRATEGY: {
    expected: listOf(CAMUNDA_AUTH_STRATEGIES),
    default: 'NONE',
    meaning:
      "how @camunda8/sdk authenticates (npm start with the embedded engine: OAUTH with the engine's client; a cluster's other settings go to the SDK as they are)",
    schema: oneOf(CAMUNDA_AUTH_STRATEGIES),
  },
  ZEEBE_CLIENT_ID: {
    expected: 'an OAuth client id',
    defaultText: "none (npm start with the embedded engine: the engine's client)",
    meaning: 'with CAMUNDA_AUTH_STRATEGY=OAUTH: the client @camunda8/sdk gets its tokens as',
    schema: z.string().optional(),
  },
  ZEEBE_CLIENT_SECRET: {
    expected: "the OAuth client's secret",
    defaultText: "none (npm start with the embedded engine: the engine's client)",
    meaning: "with CAMUNDA_AUTH_STRATEGY=OAUTH: that client's secret",
    schema: z.string().optional(),
    show: hidden,
  },
  CAMUNDA_CLIENT_ID: {
    expected: 'an OAuth client id',
    defaultText: 'ZEEBE_CLIENT_ID',
    meaning: "the newer name of ZEEBE_CLIENT_ID, which @camunda8/sdk's orchestration client reads itself",
    schema: z.string().optional(),
  },
  CAMUNDA_CLIENT_SECRET: {
    expected: 'the OAuth client secret',
    defaultText: 'ZEEBE_CLIENT_SECRET',
    meaning: 'the newer name of ZEEBE_CLIENT_SECRET, likewise',
    schema: z.string().optional(),
    show: hidden,
  },
  CAMUNDA_OAUTH_URL: {
    expected: 'an http:// or https:// URL',
    defaultText: "none (npm start with the embedded engine: the engine's /oauth/token)",
    meaning: 'with CAMUNDA_AUTH_STRATEGY=OAUTH: the token endpoint',
    schema: urlOf(['http:', 'https:']).optional(),
  },
  PLATFORM_ENGINE_CLIENT_FILE: {
    expected: 'a file path',
    default: './data/engine-client.json',
    meaning:
      "npm start keeps the embedded engine's OAuth client and token signing key here (made on first start, mode 0600)",
    schema: z.string(),
  },
  CAMUNDA_LOG_LEVEL: {
    expected: listOf(CAMUNDA_LOG_LEVELS),
    default: 'error',
    meaning: "@camunda8/sdk's own log level",
    schema: oneOf(CAMUNDA_LOG_LEVELS),
  },
  ZEEBE_CLIENT_LOG_LEVEL: {
    expected: listOf(ZEEBE_CLIENT_LOG_LEVELS),
    default: 'ERROR',
    meaning: "@camunda8/sdk's gRPC client and job worker log level",
    schema: oneOf(ZEEBE_CLIENT_LOG_LEVELS),
  },
  LOG_LEVEL: {
    expected: listOf(LOG_LEVELS),
    default: 'info',
    meaning: "the application's log level",
    schema: oneOf(LOG_LEVELS, { caseless: true }),
  },
} satisfies VariableSet;

type AppVariables = typeof APP_VARIABLES;
export type AppConfig = ValuesOf<AppVariables>;

const webhookNeedsUrl: CrossCheck<AppVariables> = (values, env) =>
  values.NOTIFY_ADAPTER === 'webhook' && rawValue(env, 'NOTIFY_WEBHOOK_URL') === undefined
    ? [
        {
          variable: 'NOTIFY_WEBHOOK_URL',
          value: '',
          expected: 'an http:// or https:// URL when NOTIFY_ADAPTER=webhook',
        },
      ]
    : [];

/** The S3 store needs where it is and who writes it. */
const s3StoreNeedsAccount: CrossCheck<AppVariables> = (values, env) =>
  values.APP_DOCUMENTS_STORE !== 's3'
    ? []
    : (['APP_S3_ENDPOINT', 'APP_S3_ACCESS_KEY', 'APP_S3_SECRET_KEY'] as const)
        .filter((variable) => rawValue(env, variable) === undefined)
        .map((variable) => ({ variable, value: '', expected: `a value when APP_DOCUMENTS_STORE=s3` }));

const APP_CROSS_CHECKS = [webhookNeedsUrl, s3StoreNeedsAccount];

/**
 * Under `npm start` the embedded engine listens on the ports of the ZEEBE_* addresses unless ENGINE_*_PORT say
 * otherwise: the engine's declarations with the defaults as the platform applies them.
 */
const EMBEDDED_ENGINE_VARIABLES: Record<keyof typeof ENGINE_VARIABLES, EnvVariable> = {
  ...ENGINE_VARIABLES,
  ENGINE_GRPC_PORT: {
    ...ENGINE_VARIABLES.ENGINE_GRPC_PORT,
    default: undefined,
    defaultText: 'the port of ZEEBE_GRPC_ADDRESS (26500 when the engine runs alone)',
  },
  ENGINE_REST_PORT: {
    ...ENGINE_VARIABLES.ENGINE_REST_PORT,
    default: undefined,
    defaultText: 'the port of ZEEBE_REST_ADDRESS (8080 when the engine runs alone)',
  },
};

/** Every variable the platform reads, the application's and the embedded engine's: README's table. */
export const PLATFORM_VARIABLES: VariableSet = { ...APP_VARIABLES, ...EMBEDDED_ENGINE_VARIABLES };

/** The application's configuration; throws a ConfigError listing every problem. */
export function readAppConfig(env: Environment = process.env): AppConfig {
  const { values, problems } = readVariables(APP_VARIABLES, env, APP_CROSS_CHECKS);
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

/** One of the application's variables, or its default when unset or bad (start-up has reported a bad one). */
export function appVariable<K extends keyof AppVariables>(name: K, env: Environment = process.env): AppConfig[K] {
  const variable = APP_VARIABLES[name] as EnvVariable<AppConfig[K]>;
  const read = readVariable(name, variable, env);
  return 'value' in read ? read.value : variable.schema.parse(variable.default);
}

export interface PlatformConfig {
  app: AppConfig;
  /** The environment for the embedded engine's process (ports derived from the addresses); none when external. */
  engineEnv?: Record<string, string | undefined>;
}

/** The port of a grpc(s):// or http(s):// address, or the given one when the address names none. */
function portOf(address: string, fallback: string): string {
  return new URL(address.replace(/^grpcs?:/, 'http:')).port || fallback;
}

/**
 * What `npm start` reads: the application's variables and, unless PLATFORM_ENGINE=external, the embedded
 * engine's, checked together so that one ConfigError lists every problem.
 */
export function readPlatformConfig(env: Environment = process.env): PlatformConfig {
  const app = readVariables(APP_VARIABLES, env, APP_CROSS_CHECKS);
  const problems: ConfigProblem[] = [...app.problems];
  let engineEnv: Record<string, string | undefined> | undefined;
  if (app.values.PLATFORM_ENGINE !== 'external') {
    engineEnv = { ...env };
    const grpcAddress = app.values.ZEEBE_GRPC_ADDRESS ?? APP_VARIABLES.ZEEBE_GRPC_ADDRESS.default;
    const restAddress = app.values.ZEEBE_REST_ADDRESS ?? APP_VARIABLES.ZEEBE_REST_ADDRESS.default;
    if (rawValue(env, 'ENGINE_GRPC_PORT') === undefined)
      engineEnv.ENGINE_GRPC_PORT = portOf(grpcAddress, ENGINE_VARIABLES.ENGINE_GRPC_PORT.default);
    if (rawValue(env, 'ENGINE_REST_PORT') === undefined)
      engineEnv.ENGINE_REST_PORT = portOf(restAddress, ENGINE_VARIABLES.ENGINE_REST_PORT.default);
    problems.push(...readVariables(ENGINE_VARIABLES, engineEnv, ENGINE_CROSS_CHECKS).problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { app: app.values, engineEnv };
}
