/**
 * The chaos run (issue 18): cases of the real processes driven through the API by simulated users while the
 * engine, the job workers and the API are killed with SIGKILL at random moments and restarted, the run's own MariaDB
 * is killed and restarted once under load, and the engine's disk is filled once. Then it checks that nothing
 * acknowledged was lost, nothing was done twice, and the application's records agree with the engine's instances,
 * and prints the figures. Exit code 1 when anything was lost or duplicated (or records disagree).
 *
 * `npm run chaos [-- --cases 120 --users 16 --kills 12 --minutes 20 --disk-mb 1024 --seed N --logs DIR]`
 * (`--logs`: keep each process's output there, `<part>-<n>.log`)
 *
 * Everything runs on 127.0.0.1 in a temporary folder: a private mariadbd (the application's database), the engine
 * on SQLite in a tmpfs mounted for the run (root is needed to mount it; without, the disk fault is skipped and
 * said so), the API and the workers as processes of their own (APP_ROLE, decision 0058). All of it is stopped,
 * unmounted and removed at the end, whatever happened, and on Ctrl-C or SIGTERM (npm runs this file with node's tsx
 * loader, not the tsx CLI, whose child a signal would end before it cleaned up).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSequelize } from '../../db/database';
import { initModels } from '../../db/models';
import { seedAccount } from '../../tests/change-of-use/change-of-use-kit';
import { FollowingClient } from '../../tests/durability/crash-driver';
import { KINDS, casePlan } from './case-plans';
import { findings } from './checks';
import { deployProbe, fillEngineDisk, mountEngineDisk, unmountEngineDisk, type DiskFillFigures } from './engine-disk';
import { PART_NAMES, Parts, freePort, type PartName } from './parts';
import { PrivateMariadb } from './private-mariadb';
import { driveCase, type Ledger } from './simulated-users';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '120' },
    users: { type: 'string', default: '16' },
    kills: { type: 'string', default: '12' },
    minutes: { type: 'string', default: '20' },
    'disk-mb': { type: 'string', default: '1024' },
    seed: { type: 'string' },
    logs: { type: 'string' },
  },
});
const CASES = Number(args.cases);
const USERS = Number(args.users);
const KILLS = Math.max(10, Number(args.kills));
const MINUTES = Number(args.minutes);
const DISK_MB = Number(args['disk-mb']);
/** How long the disk stays full, probed, before space is given back. */
const DISK_FULL_MS = 20_000;
/** After the driving time, cases in flight get this long to finish before the checks. */
const GRACE_MS = 5 * 60_000;

/** A small seeded generator (mulberry32), so that a run's fault moments can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = PartName | 'mariadb' | 'disk';

/** The faults in a random order, each at a random share of the cases started: every part killed at least twice. */
function faultPlan(rand: () => number, withDisk: boolean): { fault: Fault; at: number }[] {
  const faults: Fault[] = Array.from({ length: KILLS }, (_, i) => PART_NAMES[i % PART_NAMES.length]);
  faults.push('mariadb');
  if (withDisk) faults.push('disk');
  for (let i = faults.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [faults[i], faults[j]] = [faults[j], faults[i]];
  }
  const moments = faults.map(() => 0.05 + rand() * 0.8).sort((a, b) => a - b);
  return faults.map((fault, i) => ({ fault, at: moments[i] }));
}

const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const seed = Number(args.seed ?? Date.now() % 1_000_000_000);
  const rand = random(seed);
  const asRoot = process.getuid?.() === 0;
  const started = Date.now();
  console.log(
    `chaos: ${CASES} cases, ${USERS} simulated users, ${KILLS} kills, ${MINUTES} min of driving at most, seed ${seed}`,
  );
  const folder = mkdtempSync(join(tmpdir(), 'chaos-'));
  const engineDir = join(folder, 'engine-disk');
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(folder, { recursive: true, force: true })];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await Promise.resolve(step()).catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().then(() => process.exit(143)));
  try {
    const mariadb = new PrivateMariadb(folder, await freePort());
    cleanups.push(() => mariadb.stop());
    await mariadb.start();
    const appDatabaseUrl = await mariadb.createDatabase('chaos_app');
    if (asRoot) {
      mountEngineDisk(engineDir, DISK_MB);
      cleanups.push(() => unmountEngineDisk(engineDir));
    } else console.log('  not root: the engine disk is an ordinary folder and the disk fault is skipped');
    const logDir = args.logs ?? join(folder, 'logs');
    mkdirSync(logDir, { recursive: true });
    const parts = new Parts({
      logDir,
      engineDatabaseUrl: `sqlite:${join(engineDir, 'engine.db')}`,
      appDatabaseUrl,
      documentsDir: join(folder, 'documents'),
    });
    cleanups.push(() => parts.stop());
    await parts.start();
    await deployProbe(parts.engine);
    const database = createSequelize(appDatabaseUrl);
    cleanups.push(() => database.close());
    initModels(database);
    console.log(`  started in ${seconds(Date.now() - started)}: mariadbd :${mariadb.port}, engine, api, workers`);

    // The accounts the change-of-use cases change, one each (straight in the database, as the kit does).
    const renames = Array.from({ length: CASES }, (_, i) => i).filter(
      (i) => KINDS[i % KINDS.length] === 'change-split',
    );
    const accountOf = new Map<number, number>();
    for (const i of renames) accountOf.set(i, (await seedAccount()).id);

    // Users wait out a part's restart (up to a minute here, more with the machine loaded) rather than give up.
    const client = new FollowingClient(180_000);
    client.follow(parts.apiUrl);
    const ledger: Ledger = { cases: [], unacknowledged: [], retries: 0 };
    const today = chinaDay(Date.now());
    const requested = chinaDay(Date.now() + 14 * 86_400_000);
    let next = 0;
    const driveUntil = started + MINUTES * 60_000;
    const user = async () => {
      while (next < CASES && Date.now() < driveUntil) {
        const i = next++;
        const kind = KINDS[i % KINDS.length];
        await driveCase(client, casePlan(kind, i, { today, requested, accountId: accountOf.get(i) }), ledger).catch(
          (error: unknown) => console.log(`  case ${i} (${kind}) not submitted: ${String(error).slice(0, 300)}`),
        );
      }
    };
    const drivingStarted = Date.now();
    const progressTimer = setInterval(() => {
      const finished = ledger.cases.filter((c) => c.finished).length;
      console.log(
        `  … ${seconds(Date.now() - drivingStarted)}: ${next} started, ${ledger.cases.length} acknowledged, ${finished} finished`,
      );
    }, 60_000);
    const users = Promise.all(Array.from({ length: USERS }, () => user()));

    // The faults, one after the other, each when its share of the cases has been started.
    const kills: { part: PartName; ms: number }[] = [];
    const restarts: { what: string; ms: number }[] = [];
    let disk: DiskFillFigures | undefined;
    const faults = (async () => {
      for (const { fault, at } of faultPlan(rand, asRoot)) {
        while (next < at * CASES && Date.now() < driveUntil) await new Promise((resolve) => setTimeout(resolve, 250));
        // a moment of its own within the second, not on the poll's beat
        await new Promise((resolve) => setTimeout(resolve, rand() * 1000));
        const label = `  fault at ${seconds(Date.now() - drivingStarted)} (${next} started):`;
        if (fault === 'mariadb') {
          const ms = await mariadb.killAndRestart();
          restarts.push({ what: 'mariadb (kill -9)', ms });
          console.log(`${label} mariadb killed and restarted, taking connections after ${seconds(ms)}`);
        } else if (fault === 'disk') {
          disk = await fillEngineDisk(
            engineDir,
            () => parts.engine,
            () => parts.serves('engine'),
            DISK_FULL_MS,
          );
          console.log(`${label} engine disk filled (${disk.filledMb.toFixed(0)} MB): ${JSON.stringify(disk)}`);
        } else {
          const ms = await parts.killAndRestart(fault);
          kills.push({ part: fault, ms });
          console.log(`${label} ${fault} killed (kill -9), serving again after ${seconds(ms)}`);
        }
      }
    })();
    await faults;
    // Cases in flight when the driving time ran out get a grace period; any still open then is checked as open.
    await Promise.race([users, new Promise((resolve) => setTimeout(resolve, driveUntil + GRACE_MS - Date.now()))]);
    clearInterval(progressTimer);
    const drivingMs = Date.now() - drivingStarted;

    console.log('checking …');
    const found = await findings(ledger.cases, database, parts.engine);
    const finished = ledger.cases.filter((c) => c.finished).length;
    const byKind = KINDS.map((kind) => {
      const ofKind = ledger.cases.filter((c) => c.kind === kind);
      return `${kind} ${ofKind.filter((c) => c.finished).length}/${ofKind.length}`;
    }).join(', ');
    const killsPer = PART_NAMES.map((part) => `${part} ${kills.filter((k) => k.part === part).length}`).join(', ');
    const recovery = PART_NAMES.map(
      (part) =>
        `${part}: ${kills
          .filter((k) => k.part === part)
          .map((k) => seconds(k.ms))
          .join(', ')}`,
    ).join('; ');
    const recovered = kills.length + restarts.length + (disk ? 1 : 0);
    console.log(`
chaos run figures (seed ${seed}, ${seconds(Date.now() - started)} in all, ${seconds(drivingMs)} driving)
  cases:        ${ledger.cases.length} acknowledged of ${next} started (${CASES} asked), ${finished} completed, ${ledger.cases.length - finished} open at the end
  by kind:      ${byKind} (completed/acknowledged)
  kills:        ${kills.length} (${killsPer})
  restarts:     ${kills.length} after kills, ${restarts.map((r) => `${r.what} ${seconds(r.ms)}`).join(', ')}
  disk full:    ${disk ? `${disk.filledMb.toFixed(0)} MB filler; ${disk.refusals} probes refused (${disk.refusal.slice(0, 200)}), ${disk.held} held, ${disk.unclear} unclear; engine up throughout: ${disk.engineStayedUp}; took commands again ${seconds(disk.recoveredMs)} after space returned` : 'skipped (not root)'}
  recovered:    ${recovered} of ${kills.length + restarts.length + (disk ? 1 : 0)} faults
  recovery:     ${recovery}
  client retries: ${ledger.retries}; submissions never acknowledged: ${ledger.unacknowledged.length}
  lost:         ${found.lost.length}
  duplicated:   ${found.duplicated.length}
  disagreeing:  ${found.disagreeing.length} (records against process instances)`);
    for (const [what, list] of Object.entries(found))
      for (const line of list.slice(0, 20)) console.log(`  ${what}: ${line}`);
    return found.lost.length || found.duplicated.length || found.disagreeing.length ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
