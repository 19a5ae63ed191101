import { ConfigError, loadEngineConfig } from './config';

/** The OAuth client the default (ENGINE_AUTH=oauth) requires. */
const CLIENT = { ENGINE_AUTH_CLIENT_ID: 'platform', ENGINE_AUTH_CLIENT_SECRET: 'a-secret-of-16-chars' };
const DEFAULT_OAUTH = {
  clientId: 'platform',
  clientSecret: 'a-secret-of-16-chars',
  signingKey: undefined,
  tokenTtlSeconds: 3600,
  defaultAudience: 'zeebe.camunda.io',
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadEngineConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEngineConfig', () => {
  it('uses secure defaults when nothing is set', () => {
    expect(loadEngineConfig(CLIENT)).toEqual({
      grpcPort: 26500,
      monitoringPort: 9600,
      restPort: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/engine.db',
      sqliteSynchronous: 'FULL',
      maxQueuedCommands: 10000,
      defaultLongPollMs: 10000,
      oauth: DEFAULT_OAUTH,
      tls: undefined,
    });
  });

  it('treats blank values as unset', () => {
    expect(loadEngineConfig({ ...CLIENT, ENGINE_GRPC_PORT: '', ENGINE_HOST: '  ' })).toEqual(loadEngineConfig(CLIENT));
  });

  it('is closed by default: OAuth needs its client, or ENGINE_AUTH=none said explicitly', () => {
    const err = problemsOf({});
    expect(err.problems.map((p) => p.variable)).toEqual(['ENGINE_AUTH_CLIENT_ID', 'ENGINE_AUTH_CLIENT_SECRET']);
    expect(err.message).toContain('or ENGINE_AUTH=none to run without credentials');
    expect(loadEngineConfig({ ENGINE_AUTH: 'NONE' }).oauth).toBeUndefined();
  });

  it('reads the OAuth and TLS settings, hiding secrets in problems', () => {
    expect(
      loadEngineConfig({
        ...CLIENT,
        ENGINE_AUTH_SIGNING_KEY: 'k'.repeat(32),
        ENGINE_AUTH_TOKEN_TTL_SECONDS: '60',
        ENGINE_TLS_CERT_PATH: '/etc/engine/cert.pem',
        ENGINE_TLS_KEY_PATH: '/etc/engine/key.pem',
      }),
    ).toMatchObject({
      oauth: { ...DEFAULT_OAUTH, signingKey: 'k'.repeat(32), tokenTtlSeconds: 60 },
      tls: { certPath: '/etc/engine/cert.pem', keyPath: '/etc/engine/key.pem' },
    });
    const err = problemsOf({
      ENGINE_AUTH_CLIENT_ID: 'has space',
      ENGINE_AUTH_CLIENT_SECRET: 'short-secret',
      ENGINE_AUTH_TOKEN_TTL_SECONDS: '0',
      ENGINE_TLS_CERT_PATH: '/etc/engine/cert.pem',
    });
    expect(err.problems.map((p) => p.variable)).toEqual([
      'ENGINE_AUTH_CLIENT_ID',
      'ENGINE_AUTH_CLIENT_SECRET',
      'ENGINE_AUTH_TOKEN_TTL_SECONDS',
      'ENGINE_TLS_KEY_PATH',
    ]);
    expect(err.message).not.toContain('short-secret');
  });

  it('reads every variable', () => {
    expect(
      loadEngineConfig({
        ...CLIENT,
        ENGINE_GRPC_PORT: '26600',
        ENGINE_REST_PORT: '8090',
        ENGINE_MONITORING_PORT: '9700',
        ENGINE_HOST: '0.0.0.0',
        ENGINE_DATABASE_URL: 'mysql://engine:s3cret@db:3306/engine',
        ENGINE_SQLITE_SYNCHRONOUS: 'normal',
        ENGINE_MAX_QUEUED_COMMANDS: '500',
        ENGINE_LONG_POLL_TIMEOUT_MS: '0',
      }),
    ).toEqual({
      grpcPort: 26600,
      restPort: 8090,
      monitoringPort: 9700,
      host: '0.0.0.0',
      databaseUrl: 'mysql://engine:s3cret@db:3306/engine',
      sqliteSynchronous: 'NORMAL',
      maxQueuedCommands: 500,
      defaultLongPollMs: 0,
      oauth: DEFAULT_OAUTH,
      tls: undefined,
    });
  });

  it('accepts port 0 (any free port) and 65535, and host names and IPv6 addresses', () => {
    const config = loadEngineConfig({
      ...CLIENT,
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      ENGINE_HOST: 'localhost',
    });
    expect(config).toMatchObject({ grpcPort: 0, restPort: 0, host: 'localhost' });
    expect(loadEngineConfig({ ...CLIENT, ENGINE_REST_PORT: '65535', ENGINE_HOST: '::' })).toMatchObject({
      restPort: 65535,
      host: '::',
    });
  });

  it('accepts the database URL forms the storage accepts', () => {
    for (const url of ['sqlite::memory:', 'sqlite:///var/lib/engine.db', './engine.db', 'mariadb://root@localhost/e']) {
      expect(loadEngineConfig({ ...CLIENT, ENGINE_DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('reports every problem at once, naming variable, value and expectation', () => {
    const err = problemsOf({
      ...CLIENT,
      ENGINE_GRPC_PORT: '65536',
      ENGINE_REST_PORT: 'http',
      ENGINE_HOST: 'not a host!',
      ENGINE_DATABASE_URL: 'postgres://u:hunter2@h/db',
      ENGINE_SQLITE_SYNCHRONOUS: 'OFF',
      ENGINE_MAX_QUEUED_COMMANDS: '0',
      ENGINE_LONG_POLL_TIMEOUT_MS: '-5',
    });
    expect(err.problems.map((p) => p.variable)).toEqual([
      'ENGINE_GRPC_PORT',
      'ENGINE_REST_PORT',
      'ENGINE_HOST',
      'ENGINE_DATABASE_URL',
      'ENGINE_SQLITE_SYNCHRONOUS',
      'ENGINE_MAX_QUEUED_COMMANDS',
      'ENGINE_LONG_POLL_TIMEOUT_MS',
    ]);
    expect(err.message).toMatch(/7 problems/);
    expect(err.message).toContain('ENGINE_GRPC_PORT="65536": expected a port number from 0 to 65535');
    expect(err.message).toContain('ENGINE_REST_PORT="http"');
    expect(err.message).toContain('ENGINE_SQLITE_SYNCHRONOUS="OFF": expected FULL');
    expect(err.message).toContain('ENGINE_MAX_QUEUED_COMMANDS="0": expected an integer from 1');
    expect(err.message).toContain('ENGINE_LONG_POLL_TIMEOUT_MS="-5"');
    expect(err.message).toMatch(/ENGINE_DATABASE_URL=.*unsupported database URL scheme "postgres:"/);
    expect(err.message).not.toContain('hunter2');
    expect(err.name).toBe('ConfigError');
  });

  it('rejects non-integer numbers and a MySQL URL without a database', () => {
    const err = problemsOf({
      ...CLIENT,
      ENGINE_GRPC_PORT: '265.5',
      ENGINE_LONG_POLL_TIMEOUT_MS: '1e4',
      ENGINE_DATABASE_URL: 'mysql://root@localhost',
    });
    expect(err.problems.map((p) => p.variable)).toEqual([
      'ENGINE_GRPC_PORT',
      'ENGINE_DATABASE_URL',
      'ENGINE_LONG_POLL_TIMEOUT_MS',
    ]);
    expect(err.message).toMatch(/names no database/);
    expect(err.message).toMatch(/^invalid engine configuration \(3 problems\):\n/);
  });

  it('rejects the same port for gRPC and REST', () => {
    const err = problemsOf({ ...CLIENT, ENGINE_GRPC_PORT: '9000', ENGINE_REST_PORT: '9000' });
    expect(err.message).toContain('expected a port different from ENGINE_REST_PORT (9000)');
  });

  it('reads process.env by default', () => {
    const saved = { ...process.env };
    Object.assign(process.env, CLIENT, { ENGINE_REST_PORT: '8181' });
    try {
      expect(loadEngineConfig().restPort).toBe(8181);
    } finally {
      for (const name of [...Object.keys(CLIENT), 'ENGINE_REST_PORT']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});

describe('loadEngineConfig port clash with a default', () => {
  it('names the variable that was set', () => {
    expect(() => loadEngineConfig({ ...CLIENT, ENGINE_REST_PORT: '26500' })).toThrow(
      'ENGINE_REST_PORT="26500": expected a port different from ENGINE_GRPC_PORT (26500)',
    );
    expect(() => loadEngineConfig({ ...CLIENT, ENGINE_GRPC_PORT: '9600' })).toThrow(
      'ENGINE_GRPC_PORT="9600": expected a port different from ENGINE_MONITORING_PORT (9600)',
    );
  });
});
