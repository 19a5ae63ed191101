/**
 * The engine's ports require credentials (decision 0022): OAuth 2 client credentials at POST /oauth/token, a
 * bearer token on every gRPC call and REST v2 request, checked with @camunda8/sdk, a plain grpc-js client, fetch
 * and zbctl as a Camunda 8 cluster would be; an engine that runs open only when told so; TLS with a certificate
 * made by openssl for the test.
 */
import { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchAccessToken, startEngineProcess, type EngineProcess } from '../support/engine-process';
import { runZbctl, runZbctlWith } from '../zbctl/zbctl-kit';
import { callUnary, gatewayClient, healthClient, processXml, sdkClient, unique } from './grpc-test-clients';

jest.setTimeout(60_000);

let engine: EngineProcess;
const clients: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  engine = await startEngineProcess();
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await engine?.stop();
});

/** A Zeebe gRPC client with the given SDK auth settings, closed after the file. */
function zeebeClient(address: string, auth: Record<string, unknown>): Zeebe.ZeebeGrpcClient {
  const client = new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: address,
      ...auth,
      zeebeGrpcSettings: {
        ZEEBE_GRPC_CLIENT_RETRY: false,
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100,
      },
    },
  });
  clients.push(client);
  return client;
}

const unauthenticated = (detail: RegExp) => ({ code: status.UNAUTHENTICATED, details: expect.stringMatching(detail) });

function tokenRequest(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

describe('gRPC', () => {
  it('refuses the SDK without credentials with UNAUTHENTICATED', async () => {
    const open = zeebeClient(`grpc://${engine.grpcAddress}`, { CAMUNDA_AUTH_STRATEGY: 'NONE' });
    await expect(open.topology()).rejects.toMatchObject(unauthenticated(/no bearer token/));
  });

  it('refuses a call with a token it did not sign, and answers the same call with its own token', async () => {
    const raw = gatewayClient({
      grpcPort: engine.grpcPort,
      authHeaders: async () => ({ authorization: 'Bearer a.b.c' }),
    });
    clients.push(raw);
    await expect(callUnary(raw, 'Topology', {})).rejects.toMatchObject(unauthenticated(/not one of this engine/));
    const signed = gatewayClient(engine);
    clients.push(signed);
    await expect(callUnary(signed, 'Topology', {})).resolves.toMatchObject({ brokers: [expect.any(Object)] });
  });

  it('leaves the health service open for probes', async () => {
    const health = healthClient(engine.grpcPort);
    clients.push(health);
    await expect(callUnary(health, 'check', { service: '' })).resolves.toEqual({ status: 'SERVING' });
  });

  it('lets the SDK with OAuth client credentials deploy and start a process', async () => {
    const zbc = sdkClient(engine);
    clients.push(zbc);
    const processId = unique('auth');
    const deployed = await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId) });
    expect(deployed.deployments[0].process.bpmnProcessId).toBe(processId);
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    expect(instance.processInstanceKey).toMatch(/^\d+$/);
  });
});

describe('the token endpoint', () => {
  it('issues a signed bearer token with exp, aud and sub for the client', async () => {
    const auth = engine.auth!;
    const res = await tokenRequest(auth.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
      audience: 'zeebe.camunda.io',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString()) as Record<
      string,
      number | string
    >;
    expect(claims).toMatchObject({ sub: auth.clientId, aud: 'zeebe.camunda.io' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('answers a wrong secret 401 invalid_client, and a wrong grant 400', async () => {
    const auth = engine.auth!;
    const wrong = await tokenRequest(auth.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: 'not-the-secret-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await tokenRequest(auth.tokenUrl, { grant_type: 'password', client_id: auth.clientId });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('takes the client in an HTTP Basic header too (client_secret_basic)', async () => {
    const auth = engine.auth!;
    const basic = Buffer.from(`${auth.clientId}:${auth.clientSecret}`).toString('base64');
    const res = await tokenRequest(
      auth.tokenUrl,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(200);
  });

  it('makes the SDK fail when its secret is wrong', async () => {
    const auth = engine.auth!;
    const zbc = zeebeClient(`grpc://${engine.grpcAddress}`, {
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_OAUTH_URL: auth.tokenUrl,
      ZEEBE_CLIENT_ID: auth.clientId,
      ZEEBE_CLIENT_SECRET: 'not-the-secret-at-all',
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
      CAMUNDA_OAUTH_FAIL_ON_ERROR: true,
      CAMUNDA_LOG_LEVEL: 'none',
    });
    await expect(zbc.topology()).rejects.toThrow(/401|token/i);
  });
});

describe('REST v2', () => {
  it('answers 401 with a problem detail without a token, 200 with one', async () => {
    const without = await fetch(`${engine.restAddress}/v2/topology`);
    expect(without.status).toBe(401);
    expect(without.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await without.json()).toMatchObject({ status: 401, title: 'UNAUTHORIZED', detail: /no bearer token/ });
    const withToken = await fetch(`${engine.restAddress}/v2/topology`, { headers: await engine.authHeaders() });
    expect(withToken.status).toBe(200);
  });

  it("serves the SDK's REST client with OAuth", async () => {
    const rest = new CamundaRestClient({
      config: { ZEEBE_REST_ADDRESS: engine.restAddress, ...engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
    });
    await expect(rest.getTopology()).resolves.toMatchObject({ brokers: [expect.any(Object)] });
  });
});

describe('an expired token', () => {
  // long enough for the client's first call to get through on a busy machine
  const TTL_SECONDS = 8;
  let shortLived: EngineProcess;
  beforeAll(async () => {
    shortLived = await startEngineProcess({ env: { ENGINE_AUTH_TOKEN_TTL_SECONDS: String(TTL_SECONDS) } });
  });
  afterAll(async () => {
    await shortLived?.stop();
  });

  it('is refused by gRPC (UNAUTHENTICATED) and REST (401)', async () => {
    const issuedAt = Date.now();
    const token = await fetchAccessToken(shortLived.auth!);
    const bearer = zeebeClient(`grpc://${shortLived.grpcAddress}`, {
      CAMUNDA_AUTH_STRATEGY: 'BEARER',
      CAMUNDA_OAUTH_TOKEN: token,
    });
    await expect(bearer.topology()).resolves.toMatchObject({ brokers: [expect.any(Object)] });
    // expiry is checked in whole seconds
    await new Promise((resolve) => setTimeout(resolve, issuedAt + (TTL_SECONDS + 1) * 1000 - Date.now()));
    await expect(bearer.topology()).rejects.toMatchObject(unauthenticated(/expired/));
    const rest = await fetch(`${shortLived.restAddress}/v2/topology`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({ detail: /expired/ });
  });
});

describe('zbctl', () => {
  it('works with --clientId, --clientSecret and --authzUrl, and fails without them', async () => {
    const withCredentials = await runZbctl(engine, 'status');
    expect({ code: withCredentials.code, stderr: withCredentials.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    expect(withCredentials.stdout).toMatch(/Cluster size: 1/);
    const without = await runZbctlWith(['--insecure', '--address', engine.grpcAddress], 'status');
    expect(without.code).not.toBe(0);
    expect(without.stderr).toMatch(/Unauthenticated|no bearer token/);
  });
});

describe('configuration', () => {
  it('will not start with OAuth on and no client: closed unless ENGINE_AUTH=none is said', async () => {
    const start = startEngineProcess({
      env: { ENGINE_AUTH: '', ENGINE_AUTH_CLIENT_ID: '', ENGINE_AUTH_CLIENT_SECRET: '' },
    });
    await expect(start).rejects.toThrow(/ENGINE_AUTH_CLIENT_ID="": expected .* when ENGINE_AUTH=oauth/);
  });

  it('runs open with ENGINE_AUTH=none, warning at start', async () => {
    const open = await startEngineProcess({ auth: false });
    try {
      expect(open.output()).toMatch(/WARNING ENGINE_AUTH=none/);
      expect((await fetch(`${open.restAddress}/v2/topology`)).status).toBe(200);
      expect((await fetch(`${open.restAddress}/oauth/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await open.stop();
    }
  });
});

const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A self-signed certificate for 127.0.0.1, made by the openssl CLI (node:crypto makes no X.509 certificates). */
function selfSignedCertificate(): { certPath: string; keyPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'engine-tls-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ]),
    { stdio: 'ignore' },
  );
  return { certPath, keyPath };
}

(openssl ? describe : describe.skip)('TLS (skipped when the openssl CLI is absent)', () => {
  it('serves gRPC and REST, token endpoint included, over TLS with the configured certificate', async () => {
    const { certPath, keyPath } = selfSignedCertificate();
    const secure = await startEngineProcess({ env: { ENGINE_TLS_CERT_PATH: certPath, ENGINE_TLS_KEY_PATH: keyPath } });
    try {
      expect(secure.output()).toMatch(/tls=on/);
      const auth = {
        CAMUNDA_AUTH_STRATEGY: 'OAUTH' as const,
        CAMUNDA_OAUTH_URL: `https://127.0.0.1:${secure.restPort}/oauth/token`,
        ZEEBE_CLIENT_ID: secure.auth!.clientId,
        ZEEBE_CLIENT_SECRET: secure.auth!.clientSecret,
        CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
        CAMUNDA_CUSTOM_ROOT_CERT_PATH: certPath,
      };
      const zbc = zeebeClient(`grpcs://127.0.0.1:${secure.grpcPort}`, auth);
      await expect(zbc.topology()).resolves.toMatchObject({ brokers: [expect.any(Object)] });
      const rest = new CamundaRestClient({
        config: { ...auth, ZEEBE_REST_ADDRESS: `https://127.0.0.1:${secure.restPort}`, CAMUNDA_LOG_LEVEL: 'error' },
      });
      await expect(rest.getTopology()).resolves.toMatchObject({ brokers: [expect.any(Object)] });
      // plaintext is not spoken on a TLS port
      await expect(fetch(`http://127.0.0.1:${secure.restPort}/v2/topology`)).rejects.toThrow();
    } finally {
      await secure.stop();
    }
  });
});
