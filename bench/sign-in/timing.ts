/**
 * How long a failed sign-in takes for a known login (wrong password), an unknown login and a deactivated one: the
 * three should cost the same, each being one scrypt of the current cost (decision 0026). Runs the real use case on
 * a fresh SQLite database: `npx tsx bench/sign-in/timing.ts [rounds]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { User } from '../../db/core/user-models';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { hashPassword, signIn } from '../../domain/users';

const rounds = Number(process.argv[2] ?? 40);
// No lockout during the bench: every attempt runs the whole check.
const limits = { maxFailuresPerLogin: 1e9, maxFailuresPerAddress: 1e9, windowMs: 60_000, lockoutMs: 1 };

async function failedSignInMs(login: string): Promise<number> {
  const started = performance.now();
  await signIn(login, 'not-the-password-1', { address: 'bench', limits }).catch(() => undefined);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  const sequelize = createSequelize(`sqlite:${join(mkdtempSync(join(tmpdir(), 'sign-in-bench-')), 'app.db')}`);
  await openDatabase(sequelize);
  const passwordHash = await hashPassword('Right2026pass');
  await User.create({ login: 'known', name: '已知', phone: null, passwordHash });
  await User.create({ login: 'inactive', name: '停用', phone: null, passwordHash, active: false });
  const cases = { 'known login, wrong password': 'known', 'unknown login': 'nobody', 'deactivated login': 'inactive' };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  await failedSignInMs('nobody'); // warm-up: the dummy hash is made on first use
  // Interleaved, so that the machine's load falls on every case alike.
  for (let round = 0; round < rounds; round++)
    for (const [name, login] of Object.entries(cases)) samples[name].push(await failedSignInMs(login));
  console.log(`failed sign-in, ${rounds} rounds each (ms):`);
  for (const [name, values] of Object.entries(samples)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(28)} median ${percentile(sorted, 0.5).toFixed(1)}  p90 ${percentile(sorted, 0.9).toFixed(1)}`,
    );
  }
  await sequelize.close();
}

void main();
