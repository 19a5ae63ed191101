/**
 * The embedded engine's OAuth client under `npm start`: made once (random id, secret and token signing key), kept
 * in PLATFORM_ENGINE_CLIENT_FILE readable by its owner only, and reused on every later start so that a default
 * install is closed without anyone choosing a secret (decision 0022).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { appVariable } from '../lib/config/app-config';
import type { Environment } from '../engine/config-schema';

interface EngineClientFile {
  clientId: string;
  clientSecret: string;
  signingKey: string;
}

/**
 * The environment with the engine's client filled in from the file (made if missing), unless the engine is
 * external, runs open (ENGINE_AUTH=none) or its client is set explicitly.
 */
export function withEmbeddedEngineClient(env: Environment): Environment {
  if (appVariable('PLATFORM_ENGINE', env) === 'external') return env;
  if (env.ENGINE_AUTH?.trim().toLowerCase() === 'none') return env;
  if (env.ENGINE_AUTH_CLIENT_ID?.trim() || env.ENGINE_AUTH_CLIENT_SECRET?.trim()) return env;
  const client = loadOrCreate(appVariable('PLATFORM_ENGINE_CLIENT_FILE', env));
  return {
    ...env,
    ENGINE_AUTH_CLIENT_ID: client.clientId,
    ENGINE_AUTH_CLIENT_SECRET: client.clientSecret,
    ENGINE_AUTH_SIGNING_KEY: env.ENGINE_AUTH_SIGNING_KEY?.trim() || client.signingKey,
  };
}

function loadOrCreate(path: string): EngineClientFile {
  if (existsSync(path)) {
    // an older or hand-made file may be readable by others: only the owner keeps it
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const client = JSON.parse(readFileSync(path, 'utf8')) as Partial<EngineClientFile>;
    if (!client.clientId || !client.clientSecret || !client.signingKey)
      throw new Error(`${path} lacks clientId, clientSecret or signingKey: delete it to make a new engine client`);
    return client as EngineClientFile;
  }
  const client: EngineClientFile = {
    clientId: `platform-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(32).toString('base64url'),
    signingKey: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(client, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return client;
}
