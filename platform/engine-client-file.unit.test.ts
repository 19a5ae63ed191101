import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEmbeddedEngineClient } from './engine-client-file';

const folder = (): string => mkdtempSync(join(tmpdir(), 'engine-client-'));

describe('withEmbeddedEngineClient', () => {
  it('makes the client once, readable by its owner only, and reuses it on the next start', () => {
    const file = join(folder(), 'data', 'engine-client.json');
    const first = withEmbeddedEngineClient({ PLATFORM_ENGINE_CLIENT_FILE: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.ENGINE_AUTH_CLIENT_ID).toMatch(/^platform-[0-9a-f]{8}$/);
    expect(first.ENGINE_AUTH_CLIENT_SECRET!.length).toBeGreaterThanOrEqual(16);
    expect(first.ENGINE_AUTH_SIGNING_KEY!.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      clientId: first.ENGINE_AUTH_CLIENT_ID,
      clientSecret: first.ENGINE_AUTH_CLIENT_SECRET,
      signingKey: first.ENGINE_AUTH_SIGNING_KEY,
    });
    const second = withEmbeddedEngineClient({ PLATFORM_ENGINE_CLIENT_FILE: file });
    expect(second).toEqual(first);
  });

  it('tightens a file others could read, and refuses one without the client', () => {
    const file = join(folder(), 'engine-client.json');
    writeFileSync(file, JSON.stringify({ clientId: 'c', clientSecret: 's'.repeat(16), signingKey: 'k'.repeat(32) }), {
      mode: 0o644,
    });
    expect(withEmbeddedEngineClient({ PLATFORM_ENGINE_CLIENT_FILE: file }).ENGINE_AUTH_CLIENT_ID).toBe('c');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '{}');
    expect(() => withEmbeddedEngineClient({ PLATFORM_ENGINE_CLIENT_FILE: file })).toThrow(/delete it/);
  });

  it('leaves the environment alone for an external or open engine, or a client set explicitly', () => {
    const file = join(folder(), 'engine-client.json');
    for (const env of [
      { PLATFORM_ENGINE: 'external' },
      { ENGINE_AUTH: 'None' },
      { ENGINE_AUTH_CLIENT_ID: 'mine', ENGINE_AUTH_CLIENT_SECRET: 'my-secret-of-16-chars' },
    ]) {
      expect(withEmbeddedEngineClient({ ...env, PLATFORM_ENGINE_CLIENT_FILE: file })).toEqual({
        ...env,
        PLATFORM_ENGINE_CLIENT_FILE: file,
      });
    }
    expect(() => statSync(file)).toThrow();
  });
});
