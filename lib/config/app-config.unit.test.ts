import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, PLATFORM_VARIABLES, appVariable, readAppConfig, readPlatformConfig } from './app-config';

function problemsOf(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readAppConfig', () => {
  it('gives the declared defaults when nothing is set', () => {
    expect(readAppConfig({})).toEqual({
      APP_PORT: 3000,
      APP_HOST: '127.0.0.1',
      APP_MAX_BODY_KB: 2048,
      APP_MAX_IN_FLIGHT: 256,
      APP_DATABASE_URL: 'sqlite:./data/app.db',
      APP_AUTH_SECRET: undefined,
      APP_TOKEN_TTL_HOURS: 12,
      ARREARS_OPEN_HOUR: 8,
      APP_SIGNIN_MAX_FAILURES: 5,
      APP_SIGNIN_ADDRESS_MAX_FAILURES: 50,
      APP_SIGNIN_WINDOW_MINUTES: 15,
      APP_SOURCE_MAPS: false,
      APP_SIGNIN_LOCKOUT_MINUTES: 15,
      APP_DEMO_DATA: true,
      APP_DOCUMENTS_DIR: './data/documents',
      APP_DOCUMENT_MAX_MB: 10,
      APP_DOCUMENTS_STORE: 'folder',
      APP_S3_ENDPOINT: undefined,
      APP_S3_BUCKET: 'case-documents',
      APP_S3_REGION: 'us-east-1',
      APP_S3_ACCESS_KEY: undefined,
      APP_S3_SECRET_KEY: undefined,
      APP_S3_PATH_STYLE: true,
      DEMO_PASSWORD: 'demo1234',
      NOTIFY_ADAPTER: 'log',
      NOTIFY_WEBHOOK_URL: undefined,
      APP_RECONCILE_INTERVAL_SECONDS: 60,
      APP_ROLE: 'both',
      PLATFORM_ENGINE: 'embedded',
      PLATFORM_ENGINE_CLIENT_FILE: './data/engine-client.json',
      ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500',
      ZEEBE_REST_ADDRESS: 'http://127.0.0.1:8080',
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'error',
      ZEEBE_CLIENT_LOG_LEVEL: 'ERROR',
      LOG_LEVEL: 'info',
    });
  });

  it('reads set values, blank ones as unset', () => {
    const config = readAppConfig({
      APP_PORT: ' 0 ',
      APP_HOST: '',
      APP_DATABASE_URL: 'mariadb://app:pw@db:3306/power',
      APP_AUTH_SECRET: 'a-secret-of-enough-length',
      APP_TOKEN_TTL_HOURS: '0.5',
      APP_SIGNIN_MAX_FAILURES: '3',
      APP_SIGNIN_LOCKOUT_MINUTES: '0.5',
      APP_DEMO_DATA: 'false',
      NOTIFY_ADAPTER: 'webhook',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/notify',
      APP_RECONCILE_INTERVAL_SECONDS: '5',
      PLATFORM_ENGINE: 'external',
      ZEEBE_GRPC_ADDRESS: 'grpcs://zeebe.example.com:443',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({
      APP_PORT: 0,
      APP_HOST: '127.0.0.1',
      APP_TOKEN_TTL_HOURS: 0.5,
      APP_SIGNIN_MAX_FAILURES: 3,
      APP_SIGNIN_LOCKOUT_MINUTES: 0.5,
      APP_DEMO_DATA: false,
      NOTIFY_ADAPTER: 'webhook',
      APP_RECONCILE_INTERVAL_SECONDS: 5,
      PLATFORM_ENGINE: 'external',
      LOG_LEVEL: 'warn',
    });
  });

  it('names variable, value and expectation of each bad value, all at once', () => {
    const error = problemsOf(() =>
      readAppConfig({
        APP_PORT: '65536',
        APP_HOST: 'not a host!',
        APP_DATABASE_URL: 'postgres://app:hunter2@db/power',
        APP_TOKEN_TTL_HOURS: '0',
        APP_DEMO_DATA: 'yes',
        NOTIFY_ADAPTER: 'sms',
        APP_RECONCILE_INTERVAL_SECONDS: '0',
        PLATFORM_ENGINE: 'camunda',
        ZEEBE_GRPC_ADDRESS: 'http://127.0.0.1:26500',
        ZEEBE_REST_ADDRESS: 'ftp://127.0.0.1/',
        CAMUNDA_AUTH_STRATEGY: 'oauth2',
        LOG_LEVEL: 'verbose',
      }),
    );
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'APP_PORT',
      'APP_HOST',
      'APP_DATABASE_URL',
      'APP_TOKEN_TTL_HOURS',
      'APP_DEMO_DATA',
      'NOTIFY_ADAPTER',
      'APP_RECONCILE_INTERVAL_SECONDS',
      'PLATFORM_ENGINE',
      'ZEEBE_GRPC_ADDRESS',
      'ZEEBE_REST_ADDRESS',
      'CAMUNDA_AUTH_STRATEGY',
      'LOG_LEVEL',
    ]);
    expect(error.message).toMatch(/^invalid configuration \(12 problems\):\n/);
    for (const line of [
      'APP_PORT="65536": expected a port number from 0 to 65535 (0 picks a free port)',
      'APP_DEMO_DATA="yes": expected true or false',
      'NOTIFY_ADAPTER="sms": expected log or webhook',
      'APP_RECONCILE_INTERVAL_SECONDS="0": expected a number of seconds from 1 to 86400',
      'PLATFORM_ENGINE="camunda": expected embedded or external',
      'ZEEBE_GRPC_ADDRESS="http://127.0.0.1:26500": expected a grpc:// or grpcs:// URL with host and port (scheme http: is not supported)',
      'ZEEBE_REST_ADDRESS="ftp://127.0.0.1/": expected an http:// or https:// URL (scheme ftp: is not supported)',
      'CAMUNDA_AUTH_STRATEGY="oauth2": expected NONE, OAUTH, BASIC, BEARER or COOKIE',
      'LOG_LEVEL="verbose": expected silent, error, warn or info',
    ])
      expect(error.message).toContain(`  ${line}\n`.trimEnd());
    expect(error.message).toContain('APP_DATABASE_URL="postgres://app:***@db/power": expected sqlite:<path>');
    expect(error.message).not.toContain('hunter2');
  });

  it('wants sign-in limits above zero', () => {
    const error = problemsOf(() =>
      readAppConfig({
        APP_SIGNIN_MAX_FAILURES: '0',
        APP_SIGNIN_ADDRESS_MAX_FAILURES: 'ten',
        APP_SIGNIN_WINDOW_MINUTES: '0',
        APP_SIGNIN_LOCKOUT_MINUTES: '-5',
      }),
    );
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'APP_SIGNIN_MAX_FAILURES',
      'APP_SIGNIN_ADDRESS_MAX_FAILURES',
      'APP_SIGNIN_WINDOW_MINUTES',
      'APP_SIGNIN_LOCKOUT_MINUTES',
    ]);
    expect(error.message).toContain('APP_SIGNIN_MAX_FAILURES="0": expected an integer from 1 to 1000');
  });

  it('keeps secrets out of the message', () => {
    const error = problemsOf(() => readAppConfig({ APP_AUTH_SECRET: 'short-secret', DEMO_PASSWORD: 'pw' }));
    expect(error.message).toContain('APP_AUTH_SECRET="<12 characters, not shown>": expected at least 16 characters');
    expect(error.message).toContain('DEMO_PASSWORD="<2 characters, not shown>": expected at least 8 characters');
    expect(error.message).not.toMatch(/short-secret|"pw"/);
  });

  it('rejects a MySQL URL without database and a URL that is no URL', () => {
    const error = problemsOf(() =>
      readAppConfig({ APP_DATABASE_URL: 'mysql://root@127.0.0.1:3306', NOTIFY_WEBHOOK_URL: 'hooks.example.com' }),
    );
    expect(error.message).toContain('APP_DATABASE_URL="mysql://root@127.0.0.1:3306": expected');
    expect(error.message).toContain('(no database)');
    expect(error.message).toContain(
      'NOTIFY_WEBHOOK_URL="hooks.example.com": expected an http:// or https:// URL (not a URL)',
    );
  });

  it('wants a webhook URL when notifications go to a webhook', () => {
    const error = problemsOf(() => readAppConfig({ NOTIFY_ADAPTER: 'webhook' }));
    expect(error.message).toBe(
      'invalid configuration (1 problem):\n  NOTIFY_WEBHOOK_URL="": expected an http:// or https:// URL when NOTIFY_ADAPTER=webhook',
    );
  });

  it('wants the endpoint and the account when documents go to an S3 store', () => {
    const error = problemsOf(() => readAppConfig({ APP_DOCUMENTS_STORE: 's3', APP_S3_ACCESS_KEY: 'key' }));
    expect(error.message).toBe(
      'invalid configuration (2 problems):\n  APP_S3_ENDPOINT="": expected a value when APP_DOCUMENTS_STORE=s3\n  APP_S3_SECRET_KEY="": expected a value when APP_DOCUMENTS_STORE=s3',
    );
  });
});

describe('each value checked as README says', () => {
  it.each(['1', '0', 'yes', 'no', 'TRUE', 'False', 'on'])(
    'APP_DEMO_DATA=%s is refused: only true or false',
    (value) => {
      expect(problemsOf(() => readAppConfig({ APP_DEMO_DATA: value })).message).toContain(
        `APP_DEMO_DATA="${value}": expected true or false`,
      );
    },
  );

  it.each(['debug', 'trace', 'verbose', '3', 'warning'])('LOG_LEVEL=%s is refused: one of the four levels', (value) => {
    expect(problemsOf(() => readAppConfig({ LOG_LEVEL: value })).message).toContain(
      `LOG_LEVEL="${value}": expected silent, error, warn or info`,
    );
  });

  it.each(['0', '102401', '1.5', '2mb', '-1'])('APP_MAX_BODY_KB=%s is refused', (value) => {
    expect(problemsOf(() => readAppConfig({ APP_MAX_BODY_KB: value })).message).toContain(
      `APP_MAX_BODY_KB="${value}": expected an integer number of kilobytes from 1 to 102400`,
    );
  });

  it('reads APP_MAX_BODY_KB as kilobytes', () => {
    expect(readAppConfig({ APP_MAX_BODY_KB: '64' }).APP_MAX_BODY_KB).toBe(64);
  });

  it('declares every environment variable the code reads', () => {
    const root = join(__dirname, '..', '..');
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
        return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
      });
    const read = new Set<string>();
    for (const dir of ['api', 'db', 'domain', 'engine', 'lib', 'platform', 'workers', 'scripts', 'modeler-ui/src'])
      for (const file of sources(join(root, dir)))
        for (const match of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g))
          read.add(match[1]);
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((name) => !(name in PLATFORM_VARIABLES))).toEqual([]);
  });
});

describe('readPlatformConfig', () => {
  /** The embedded engine's OAuth client, which npm start fills in before reading (platform/engine-client-file.ts). */
  const ENGINE_CLIENT = { ENGINE_AUTH_CLIENT_ID: 'platform-1', ENGINE_AUTH_CLIENT_SECRET: 'a-secret-of-16-chars' };

  it("checks the embedded engine's variables with the application's, in one error", () => {
    const error = problemsOf(() =>
      readPlatformConfig({
        ...ENGINE_CLIENT,
        LOG_LEVEL: 'debug',
        ENGINE_SQLITE_SYNCHRONOUS: 'OFF',
        ENGINE_DATABASE_URL: 'pg://x/y',
      }),
    );
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'LOG_LEVEL',
      'ENGINE_DATABASE_URL',
      'ENGINE_SQLITE_SYNCHRONOUS',
    ]);
    expect(error.message).toContain('ENGINE_DATABASE_URL="pg://x/y": expected sqlite:<path>');
  });

  it("leaves the engine's variables alone when the engine is external", () => {
    const config = readPlatformConfig({ PLATFORM_ENGINE: 'external', ENGINE_SQLITE_SYNCHRONOUS: 'OFF' });
    expect(config.engineEnv).toBeUndefined();
    expect(config.app.PLATFORM_ENGINE).toBe('external');
  });

  it('gives the engine the ports of the ZEEBE_* addresses unless ENGINE_*_PORT are set', () => {
    const derived = readPlatformConfig({
      ...ENGINE_CLIENT,
      ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26600',
      ZEEBE_REST_ADDRESS: 'http://127.0.0.1:8090',
    });
    expect(derived.engineEnv).toMatchObject({ ENGINE_GRPC_PORT: '26600', ENGINE_REST_PORT: '8090' });
    const set = readPlatformConfig({
      ...ENGINE_CLIENT,
      ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26600',
      ENGINE_GRPC_PORT: '0',
    });
    expect(set.engineEnv).toMatchObject({ ENGINE_GRPC_PORT: '0', ENGINE_REST_PORT: '8080' });
  });

  it('wants the engine client unless the engine runs open', () => {
    const error = problemsOf(() => readPlatformConfig({}));
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'ENGINE_AUTH_CLIENT_ID',
      'ENGINE_AUTH_CLIENT_SECRET',
    ]);
    expect(readPlatformConfig({ ENGINE_AUTH: 'none' }).engineEnv).toMatchObject({ ENGINE_AUTH: 'none' });
  });

  it('reports two engine ports that clash', () => {
    const error = problemsOf(() => readPlatformConfig({ ...ENGINE_CLIENT, ENGINE_GRPC_PORT: '8080' }));
    expect(error.message).toContain('ENGINE_GRPC_PORT="8080": expected a port different from ENGINE_REST_PORT (8080)');
  });
});

describe('appVariable', () => {
  it('reads one variable, falling back to its default on a bad value', () => {
    expect(appVariable('LOG_LEVEL', { LOG_LEVEL: 'silent' })).toBe('silent');
    expect(appVariable('LOG_LEVEL', { LOG_LEVEL: 'chatty' })).toBe('info');
    expect(appVariable('DEMO_PASSWORD', {})).toBe('demo1234');
  });
});
