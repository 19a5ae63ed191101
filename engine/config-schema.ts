/**
 * Environment variables declared once: how each is read and checked, its default and what it means. The engine's
 * own variables are declared here; the platform composes them with its own (lib/config/app-config.ts), validates
 * the lot at `npm start` and generates README's Configuration table from the declarations (decision 0017).
 * This module is a leaf — zod, node:net and the database URL reader only — so that the platform may import it
 * without importing the engine.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseDatabaseUrl, redact } from './storage/database-url';

export { redact } from './storage/database-url';

/** One environment variable. Its name is its key in a {@link VariableSet}. */
export interface EnvVariable<T = unknown> {
  /** What a good value looks like, e.g. "silent, error, warn or info"; said in every problem and in README. */
  expected: string;
  /** The value used when the variable is unset or blank, read like a set one. Absent: no fixed default. */
  default?: string;
  /** README's default when there is no fixed one, e.g. "random per start". */
  defaultText?: string;
  /** One line: what the variable does. */
  meaning: string;
  /** Reads the trimmed value (undefined when unset and without default). */
  schema: z.ZodType<T, z.ZodTypeDef, string | undefined>;
  /** How a bad value is shown in a problem, for secrets and passwords in URLs. */
  show?: (value: string) => string;
}

export type VariableSet = Record<string, EnvVariable>;

export type ValuesOf<V extends VariableSet> = { [K in keyof V]: V[K] extends EnvVariable<infer T> ? T : never };

export interface ConfigProblem {
  variable: string;
  value: string;
  expected: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * A check across variables (two ports the same, a URL required by another setting). It sees the values that are
 * each fine; a variable with a problem of its own is missing from `values`.
 */
export type CrossCheck<V extends VariableSet> = (values: Partial<ValuesOf<V>>, env: Environment) => ConfigProblem[];

export class ConfigError extends Error {
  constructor(
    readonly problems: readonly ConfigProblem[],
    what = 'configuration',
  ) {
    super(
      `invalid ${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function formatProblem(problem: ConfigProblem): string {
  return `  ${problem.variable}=${JSON.stringify(problem.value)}: expected ${problem.expected}`;
}

/** The trimmed value, or undefined when unset or blank (blank means "use the default"). */
export function rawValue(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads one variable: its value, or the problem with it. */
export function readVariable<T>(
  name: string,
  variable: EnvVariable<T>,
  env: Environment,
): { value: T } | { problem: ConfigProblem } {
  const result = variable.schema.safeParse(rawValue(env, name) ?? variable.default);
  if (result.success) return { value: result.data };
  // Refinements that know why a value is wrong say so; the rest is said by `expected`.
  const reasons = result.error.issues.filter((issue) => issue.code === 'custom').map((issue) => issue.message);
  const shown = env[name] ?? '';
  return {
    problem: {
      variable: name,
      value: variable.show ? variable.show(shown) : shown,
      expected: variable.expected + (reasons.length > 0 ? ` (${reasons.join('; ')})` : ''),
    },
  };
}

/** Reads every variable of the set and runs the cross checks; all problems are collected, none thrown. */
export function readVariables<V extends VariableSet>(
  variables: V,
  env: Environment,
  checks: readonly CrossCheck<V>[] = [],
): { values: ValuesOf<V>; problems: ConfigProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [name, variable] of Object.entries(variables)) {
    const read = readVariable(name, variable, env);
    if ('value' in read) values[name] = read.value;
    else problems.push(read.problem);
  }
  for (const check of checks) problems.push(...check(values as Partial<ValuesOf<V>>, env));
  return { values: values as ValuesOf<V>, problems };
}

// Building blocks for declarations.

const integerText = /^\d+$/;

export const integerIn = (min: number, max: number): z.ZodType<number, z.ZodTypeDef, string | undefined> =>
  z.string().regex(integerText).transform(Number).pipe(z.number().int().min(min).max(max));

export const port = (): z.ZodType<number, z.ZodTypeDef, string | undefined> => integerIn(0, 65535);

export const PORT_EXPECTED = 'a port number from 0 to 65535 (0 picks a free port)';

/** One of the given words; `caseless` accepts any letter case and gives the word as declared. */
export function oneOf<const W extends readonly [string, ...string[]]>(
  words: W,
  options: { caseless?: boolean } = {},
): z.ZodType<W[number], z.ZodTypeDef, string | undefined> {
  return z
    .string()
    .transform((value) =>
      options.caseless ? (words.find((w) => w.toLowerCase() === value.toLowerCase()) ?? value) : value,
    )
    .pipe(z.enum(words as unknown as [W[number], ...W[number][]]));
}

/** "a, b or c" */
export const listOf = (words: readonly string[]): string =>
  words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

export function isHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  // A DNS name (RFC 1123 labels), e.g. localhost or engine.internal.
  return (
    host.length <= 253 && host.split('.').every((label) => /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(label))
  );
}

export const host = (): z.ZodType<string, z.ZodTypeDef, string | undefined> => z.string().refine(isHost);

/** How a secret is shown in a problem: its length only. */
export const hidden = (value: string): string => `<${value.length} characters, not shown>`;

export const HOST_EXPECTED =
  'an IP address or host name to listen on (127.0.0.1 for this machine only, 0.0.0.0 for all)';

// The engine's variables (engine/main.ts). Defaults are the secure ones: the engine listens on 127.0.0.1.

const SQLITE_SYNCHRONOUS = ['FULL', 'NORMAL'] as const;
export const ENGINE_AUTH_MODES = ['oauth', 'none'] as const;

export const ENGINE_VARIABLES = {
  ENGINE_GRPC_PORT: {
    expected: PORT_EXPECTED,
    default: '26500',
    meaning: 'the engine gRPC gateway port (Zeebe gateway API)',
    schema: port(),
  },
  ENGINE_REST_PORT: {
    expected: PORT_EXPECTED,
    default: '8080',
    meaning: 'the engine REST port (Camunda 8 REST API v2 under /v2)',
    schema: port(),
  },
  ENGINE_MONITORING_PORT: {
    expected: PORT_EXPECTED,
    default: '9600',
    meaning:
      "the engine monitoring port, as Zeebe's: Prometheus metrics at /actuator/prometheus, health at /actuator/health",
    schema: port(),
  },
  ENGINE_HOST: {
    expected: HOST_EXPECTED,
    default: '127.0.0.1',
    meaning: 'engine listen address; 0.0.0.0 exposes it (keep ENGINE_AUTH=oauth and set ENGINE_TLS_* then)',
    schema: host(),
  },
  ENGINE_DATABASE_URL: {
    expected: 'sqlite:<path>, sqlite::memory:, mysql://user:pass@host:port/db or mariadb://user:pass@host:port/db',
    default: 'sqlite:./data/engine.db',
    meaning: "the engine's database (SQLite file, or MySQL / MariaDB; tables prefixed engine_)",
    schema: z.string().superRefine((url, context) => {
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      }
    }),
    show: redact,
  },
  ENGINE_SQLITE_SYNCHRONOUS: {
    expected:
      'FULL (every acknowledged command survives power loss) or NORMAL (faster, may lose the last commits on power loss)',
    default: 'FULL',
    meaning: 'SQLite only: FULL survives power loss; NORMAL survives a process crash and is faster',
    schema: oneOf(SQLITE_SYNCHRONOUS, { caseless: true }),
  },
  ENGINE_MAX_QUEUED_COMMANDS: {
    expected: 'an integer from 1 to 10000000',
    default: '10000',
    meaning: 'commands queued before the engine answers RESOURCE_EXHAUSTED (backpressure)',
    schema: integerIn(1, 10_000_000),
  },
  ENGINE_LONG_POLL_TIMEOUT_MS: {
    expected: 'a duration in milliseconds from 0 to 86400000',
    default: '10000',
    meaning: 'ActivateJobs long-poll time when a request gives none',
    schema: integerIn(0, 24 * 3600 * 1000),
  },
  ENGINE_AUTH: {
    expected: 'oauth (clients need a token from POST /oauth/token) or none (anyone who reaches the ports may call)',
    default: 'oauth',
    meaning: 'who may use the gRPC and REST ports: OAuth client credentials, or none (warned about at start)',
    schema: oneOf(ENGINE_AUTH_MODES, { caseless: true }),
  },
  ENGINE_AUTH_CLIENT_ID: {
    expected: 'a client id of 1 to 128 letters, digits, dots, dashes or underscores',
    defaultText: 'none; required with ENGINE_AUTH=oauth (npm start makes one)',
    meaning: "the OAuth client allowed to get tokens (the clients' ZEEBE_CLIENT_ID)",
    schema: z
      .string()
      .regex(/^[\w.-]{1,128}$/)
      .optional(),
  },
  ENGINE_AUTH_CLIENT_SECRET: {
    expected: 'at least 16 characters',
    defaultText: 'none; required with ENGINE_AUTH=oauth (npm start makes one)',
    meaning: "that client's secret (the clients' ZEEBE_CLIENT_SECRET)",
    schema: z.string().min(16).optional(),
    show: hidden,
  },
  ENGINE_AUTH_SIGNING_KEY: {
    expected: 'at least 32 characters',
    defaultText: 'random per start (npm start keeps one)',
    meaning: 'signs access tokens; set it so tokens survive an engine restart',
    schema: z.string().min(32).optional(),
    show: hidden,
  },
  ENGINE_AUTH_TOKEN_TTL_SECONDS: {
    expected: 'a number of seconds from 1 to 86400',
    default: '3600',
    meaning: 'how long an access token is valid',
    schema: integerIn(1, 86_400),
  },
  ENGINE_TLS_CERT_PATH: {
    expected: 'the path of a PEM certificate (chain) file',
    defaultText: 'none: plaintext',
    meaning: 'with ENGINE_TLS_KEY_PATH: gRPC and REST over TLS (grpcs://, https://)',
    schema: z.string().optional(),
  },
  ENGINE_TLS_KEY_PATH: {
    expected: 'the path of the PEM private key file of ENGINE_TLS_CERT_PATH',
    defaultText: 'none: plaintext',
    meaning: "the TLS certificate's private key",
    schema: z.string().optional(),
  },
} satisfies VariableSet;

export type EngineVariables = typeof ENGINE_VARIABLES;

const ENGINE_PORTS = ['ENGINE_GRPC_PORT', 'ENGINE_REST_PORT', 'ENGINE_MONITORING_PORT'] as const;

/**
 * The gRPC, REST and monitoring ports differ (0 picks a free one for each, so zeros are fine). Of two equal ports
 * the one set explicitly is named, else the later one.
 */
export const enginePortsDiffer: CrossCheck<EngineVariables> = (values, env) => {
  const problems: ConfigProblem[] = [];
  ENGINE_PORTS.forEach((first, i) => {
    for (const second of ENGINE_PORTS.slice(i + 1)) {
      const port = values[first];
      if (port === undefined || port === 0 || port !== values[second]) continue;
      const [named, other] = rawValue(env, first) !== undefined ? [first, second] : [second, first];
      problems.push({ variable: named, value: env[named] ?? '', expected: `a port different from ${other} (${port})` });
    }
  });
  return problems;
};

/** OAuth needs the client it lets in. */
export const engineAuthHasClient: CrossCheck<EngineVariables> = (values, env) => {
  if (values.ENGINE_AUTH !== 'oauth') return [];
  return (['ENGINE_AUTH_CLIENT_ID', 'ENGINE_AUTH_CLIENT_SECRET'] as const)
    .filter((name) => rawValue(env, name) === undefined)
    .map((name) => ({
      variable: name,
      value: '',
      expected: `${ENGINE_VARIABLES[name].expected} when ENGINE_AUTH=oauth (or ENGINE_AUTH=none to run without credentials)`,
    }));
};

/** TLS needs both the certificate and its key. */
export const engineTlsComplete: CrossCheck<EngineVariables> = (_values, env) => {
  const cert = rawValue(env, 'ENGINE_TLS_CERT_PATH');
  const key = rawValue(env, 'ENGINE_TLS_KEY_PATH');
  if ((cert === undefined) === (key === undefined)) return [];
  const missing = cert === undefined ? 'ENGINE_TLS_CERT_PATH' : 'ENGINE_TLS_KEY_PATH';
  return [
    { variable: missing, value: '', expected: `${ENGINE_VARIABLES[missing].expected} (the other TLS file is set)` },
  ];
};

/** Every cross check of the engine's variables. */
export const ENGINE_CROSS_CHECKS: readonly CrossCheck<EngineVariables>[] = [
  enginePortsDiffer,
  engineAuthHasClient,
  engineTlsComplete,
];
