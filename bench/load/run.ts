/**
 * A day's tasklist traffic: simulated clerks on the tasklist, task detail, claim and complete, case search and (a
 * manager) the dashboards, against the platform with open and finished cases seeded (in the engine through its API,
 * and as 95598 orders in the application's database for the case search). Then past capacity: a burst of far more
 * connections than the API serves at once, and a burst of process starts over gRPC, to show the refusals (503 with
 * Retry-After, RESOURCE_EXHAUSTED) and that everything still answers after them. Prints figures, asserts nothing.
 *
 * The clerks call the application as a process of its own (as `npm start` runs it), so that the load they make is
 * not served by the same thread; seeding goes through an application in this process, stopped before the clerks.
 *
 * `npm run load [clerks] [open] [finished] [seconds] [--cpu-prof DIR] [--engine-db URL --app-db URL]` (default
 * 200 10000 100000 60); `LOAD_DATABASE=mariadb` runs the engine and the application on the MariaDB at
 * 127.0.0.1:3306 instead of SQLite. `--cpu-prof DIR` profiles the application process during the clerks' run (and
 * leaves the bursts out) and prints where its time went. Seeding takes minutes: a run prints the two databases it
 * seeded, and `--engine-db` with `--app-db` runs on them again without seeding.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { WorkOrder } from '../../db/work-orders';
import { createCamundaClients } from '../../lib/camunda/camunda-client';
import { readAppConfig } from '../../lib/config/app-config';
import { startPlatform, type Platform } from '../../tests/platform/platform-kit';
import { startAppProcess, type AppProcess } from '../../tests/support/app-process';
import {
  freshMariadbUrl,
  sdkAuthEnv,
  startEngineProcess,
  type EngineProcess,
} from '../../tests/support/engine-process';
import { inParallel } from '../../tests/support/in-parallel';
import { APPLICATION_CODE, summarizeCpuProfile } from '../engine/cpu-profile-summary';
import { completeOpenTasks, ms, runToExit, tasklistLoadVariables, waitUntilListed } from '../bench-kit';

const { values: options, positionals } = parseArgs({
  options: { 'cpu-prof': { type: 'string' }, 'engine-db': { type: 'string' }, 'app-db': { type: 'string' } },
  allowPositionals: true,
});
const CLERKS = Number(positionals[0] ?? 200);
const OPEN = Number(positionals[1] ?? 10_000);
const FINISHED = Number(positionals[2] ?? 100_000);
const SECONDS = Number(positionals[3] ?? 60);
const PROFILE_DIR = options['cpu-prof'] ? resolve(options['cpu-prof']) : undefined;
const AUTH_SECRET = 'load-run-secret-of-enough-length';
/** A clerk reads what came back before the next step: 0.5 to 1.5 s. */
const THINK_MS = [500, 1500] as const;
const DAY_MS = 86_400_000;
/** The status recorded for a call that got no answer within 30 s (or whose connection failed). */
const NO_ANSWER = 599;

const caseNo = (batch: string, n: number) => `LD-${batch}-${String(n).padStart(6, '0')}`;
const customer = (n: number) => `负载客户${String(n).padStart(6, '0')}`;

async function seed(platform: Platform): Promise<void> {
  const { zeebe } = platform.application.services.camunda;
  await zeebe.deployResources([{ processFilename: join(__dirname, '../../tests/web/fixtures/tasklist-load.bpmn') }]);
  const now = Date.now();
  const start = (batch: string, n: number) =>
    zeebe.createProcessInstance({
      bpmnProcessId: 'tasklist-load',
      variables: {
        ...tasklistLoadVariables(n, now, { businessKey: caseNo(batch, n), customerName: customer(n) }),
        batch,
      },
    });
  let started = performance.now();
  // Each order keeps its instance's key, as a started case does (one without is started again at the API's start).
  const instanceKeys = { open: [] as string[], done: [] as string[] };
  const startKept = async (batch: 'open' | 'done', n: number) => {
    instanceKeys[batch][n] = String((await start(batch, n)).processInstanceKey);
  };
  await inParallel(OPEN, (n) => startKept('open', n));
  await inParallel(FINISHED, (n) => startKept('done', n));
  await completeOpenTasks(
    platform,
    { processDefinitionId: 'tasklist-load', processInstanceVariables: [{ name: 'batch', value: '"done"' }] },
    FINISHED,
  );
  console.log(
    `engine: ${OPEN} open and ${FINISHED} finished cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // The same cases as 95598 orders in the application's database, which the case search reads.
  started = performance.now();
  const order = (batch: 'open' | 'done', n: number, finished: boolean) => ({
    orderNo: caseNo(batch, n),
    processInstanceKey: instanceKeys[batch][n],
    channel: 'phone',
    orderType: n % 3 === 0 ? 'fault-repair' : 'consultation',
    urgency: 'normal',
    customerName: customer(n),
    phone: `139${String(n).padStart(8, '0')}`,
    area: 'SH-PD',
    areaType: 'urban',
    address: `上海市浦东新区压测路 ${n} 号`,
    content: '负载测试工单',
    handlingUnit: 'SH-PD',
    state: finished ? 'archived' : 'dispatching',
    acceptedAt: new Date(now - (n % 300) * DAY_MS),
  });
  for (const [batch, count, finished] of [
    ['open', OPEN, false],
    ['done', FINISHED, true],
  ] as const)
    for (let from = 0; from < count; from += 1000)
      await WorkOrder.bulkCreate(
        Array.from({ length: Math.min(1000, count - from) }, (_, i) => order(batch, from + i, finished)),
      );
  console.log(`application: ${OPEN + FINISHED} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function tokenOf(url: string, login: string): Promise<string> {
  const answer = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo1234' }),
  });
  return ((await answer.json()) as { token: string }).token;
}

/** Per route: each call's time and status. */
class Tally {
  readonly calls = new Map<string, { ms: number[]; statuses: Map<number, number> }>();

  record(route: string, took: number, status: number) {
    const entry = this.calls.get(route) ?? { ms: [] as number[], statuses: new Map<number, number>() };
    entry.ms.push(took);
    entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
    this.calls.set(route, entry);
  }
  print(seconds: number) {
    const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
    console.log(
      `  ${'route'.padEnd(22)} ${'calls'.padStart(7)} ${'req/s'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}  statuses`,
    );
    for (const [route, { ms: times, statuses }] of this.calls) {
      const sorted = [...times].sort((a, b) => a - b);
      const counts = [...statuses].map(([status, n]) => `${status}×${n}`).join(' ');
      console.log(
        `  ${route.padEnd(22)} ${String(times.length).padStart(7)} ${(times.length / seconds).toFixed(1).padStart(7)} ${ms(pct(sorted, 0.5)).padStart(8)} ${ms(pct(sorted, 0.95)).padStart(8)} ${ms(pct(sorted, 0.99)).padStart(8)}  ${counts}`,
      );
    }
    const all = [...this.calls.values()].flatMap(({ statuses }) => [...statuses]);
    const count = (match: (status: number) => boolean) =>
      all.filter(([status]) => match(status)).reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `  5xx answers: ${count((status) => status >= 500 && status !== NO_ANSWER)}; ` +
        `no answer within 30 s (shown as ${NO_ANSWER}): ${count((status) => status === NO_ANSWER)}`,
    );
  }
}

/** One clerk's day, compressed: think, then list, open, claim and complete, or search, until `until`. */
async function clerk(base: string, token: string, managerToken: string, until: number, tally: Tally, n: number) {
  const call = async (route: string, path: string, init: RequestInit = {}, as = token) => {
    const started = performance.now();
    let status = 0;
    let body: { items?: { userTaskKey: string }[] } | undefined;
    try {
      const answer = await fetch(`${base}/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
      status = answer.status;
      body = (await answer.json().catch(() => undefined)) as typeof body;
    } catch {
      status = NO_ANSWER;
    }
    tally.record(route, performance.now() - started, status);
    return { status, body };
  };
  let keys: string[] = [];
  for (let step = 0; performance.now() < until; step++) {
    await new Promise((resolve) => setTimeout(resolve, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
    const roll = Math.random();
    if (roll < 0.4 || keys.length === 0) {
      const sort = ['creationDate', 'dueDate', 'priority'][step % 3];
      const list = await call('tasklist', `/tasks?scope=group&size=20&sort=${sort}&page=${1 + (n % 5)}`);
      keys = (list.body?.items ?? []).map((task) => task.userTaskKey);
    } else if (roll < 0.6) {
      await call('task detail', `/tasks/${keys[Math.floor(Math.random() * keys.length)]}`);
    } else if (roll < 0.75) {
      const key = keys.splice(Math.floor(Math.random() * keys.length), 1)[0];
      const claimed = await call('claim', `/tasks/${key}/claim`, { method: 'POST', body: '{}' });
      if (claimed.status === 200)
        await call('complete', `/tasks/${key}/complete`, { method: 'POST', body: '{"variables":{}}' });
    } else if (roll < 0.95) {
      const q = encodeURIComponent(customer(Math.floor(Math.random() * (OPEN + FINISHED)) % 100_000).slice(0, 8));
      await call('case search', `/cases?q=${q}&size=20`);
    } else {
      const today = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
      await call(
        'dashboards',
        step % 2 ? '/dashboards/backlog' : `/dashboards/steps?from=${from}&to=${today}`,
        {},
        managerToken,
      );
    }
  }
}

/** Far more connections than the API serves at once, without pause: how it refuses, and that it still answers. */
async function pastCapacity(engine: EngineProcess, url: string, token: string): Promise<void> {
  const result = await autocannon({
    url: `${url}/api/tasks?scope=group&size=20`,
    headers: { authorization: `Bearer ${token}` },
    connections: 1000,
    duration: 15,
    timeout: 30,
  });
  const byStatus = Object.entries(result.statusCodeStats ?? {})
    .map(([status, { count }]) => `${status}×${count ?? 0}`)
    .join(' ');
  console.log(
    `  API, 1,000 connections for 15 s on the tasklist: ${result.requests.total} answers (${byStatus}), ` +
      `${result.errors} errors, ${result.timeouts} timeouts, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  // A client of this process's own: the application that seeded is stopped by now.
  const camunda = createCamundaClients(
    readAppConfig({
      ZEEBE_GRPC_ADDRESS: `grpc://${engine.grpcAddress}`,
      ZEEBE_REST_ADDRESS: engine.restAddress,
      ...sdkAuthEnv(engine.sdkAuth),
    }),
  );
  const { zeebe } = camunda;
  const outcomes = new Map<string, number>();
  await inParallel(
    5000,
    async () => {
      const outcome = await zeebe
        .createProcessInstance({ bpmnProcessId: 'tasklist-load', variables: { groups: ['surveyor'], batch: 'burst' } })
        .then(
          () => 'created',
          (error: { code?: number; message?: string }) =>
            error.code === 8 || String(error.message).includes('RESOURCE_EXHAUSTED')
              ? 'RESOURCE_EXHAUSTED'
              : 'other error',
        );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    },
    500,
  );
  await camunda.close();
  console.log(`  engine, 5,000 gRPC starts 500 at a time: ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  const health = await fetch(`${url}/api/health`);
  const list = await fetch(`${url}/api/tasks?scope=group&size=20`, {
    headers: { authorization: `Bearer ${token}` },
  });
  console.log(`  afterwards: health ${health.status}, tasklist ${list.status}`);
}

/** The application as `npm start` runs it, on the seeded database and the same engine. */
function startApplicationProcess(engine: EngineProcess, databaseUrl: string): Promise<AppProcess> {
  return startAppProcess({
    databaseUrl,
    grpcAddress: engine.grpcAddress,
    restAddress: engine.restAddress,
    engineAuth: engine.sdkAuth,
    authSecret: AUTH_SECRET,
    demoData: false,
    env: { APP_DOCUMENTS_DIR: mkdtempSync(join(tmpdir(), 'load-documents-')) },
    nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    // A profiled process writes its profile as it exits.
    stopGraceMs: PROFILE_DIR ? 120_000 : undefined,
  });
}

/**
 * Each route alone, 10 connections without pause for 10 s: what the application serves of it per second (its
 * capacity for that route on this machine), before the clerks mix them.
 */
async function routeCapacity(url: string, token: string, managerToken: string): Promise<void> {
  const list = (await (
    await fetch(`${url}/api/tasks?scope=group&size=20`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { items: { userTaskKey: string }[] };
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
  const routes: [string, string, string][] = [
    ['tasklist', '/tasks?scope=group&size=20&sort=dueDate&page=2', token],
    ['task detail', `/tasks/${list.items[0]?.userTaskKey}`, token],
    ['case search', `/cases?q=${encodeURIComponent(customer(1234).slice(0, 8))}&size=20`, token],
    ['backlog', '/dashboards/backlog', managerToken],
    ['steps', `/dashboards/steps?from=${from}&to=${today}`, managerToken],
  ];
  console.log('each route alone (10 connections, 10 s):');
  for (const [route, path, as] of routes) {
    const result = await autocannon({
      url: `${url}/api${path}`,
      headers: { authorization: `Bearer ${as}` },
      connections: 10,
      duration: 10,
    });
    console.log(
      `  ${route.padEnd(12)} ${result.requests.average.toFixed(1).padStart(7)} req/s  p50 ${result.latency.p50} ms  ` +
        `p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
    );
  }
}

/** The clerks (then, unprofiled, the bursts past capacity) against the application started on its own. */
async function run(engine: EngineProcess, databaseUrl: string): Promise<void> {
  const application = await startApplicationProcess(engine, databaseUrl);
  const url = application.apiUrl.replace(/\/api$/, '');
  try {
    const [token, managerToken] = [await tokenOf(url, 'wangqiang'), await tokenOf(url, 'zhoumin')];
    if (!PROFILE_DIR) await routeCapacity(url, token, managerToken);
    const tally = new Tally();
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLERKS }, (_, n) => clerk(url, token, managerToken, until, tally, n)));
    console.log(`${CLERKS} clerks for ${SECONDS} s:`);
    tally.print(SECONDS);
    // The bursts would fill the profile with refusals: a profiled run is the clerks' alone.
    if (!PROFILE_DIR) {
      console.log('past capacity:');
      await pastCapacity(engine, url, token);
    }
  } finally {
    await application.stop();
  }
  if (PROFILE_DIR) {
    const files = readdirSync(PROFILE_DIR)
      .filter((file) => file.endsWith('.cpuprofile'))
      .map((file) => join(PROFILE_DIR, file));
    console.log(`the application's CPU profile (${files.join(', ')}):`);
    console.log(summarizeCpuProfile(files, 30, APPLICATION_CODE));
  }
}

/** The engine with the cases seeded, and the application's database with their orders and the demo users. */
async function seeded(): Promise<{ engine: EngineProcess; databaseUrl: string }> {
  // Read by the platform's start: the engine on a fresh MariaDB database too.
  if (process.env.LOAD_DATABASE === 'mariadb') process.env.ENGINE_TEST_DATABASE = 'mariadb';
  const databaseUrl =
    process.env.LOAD_DATABASE === 'mariadb'
      ? await freshMariadbUrl('load')
      : `sqlite:${join(mkdtempSync(join(tmpdir(), 'load-app-')), 'app.db')}`;
  const platform = await startPlatform({ APP_DATABASE_URL: databaseUrl, APP_AUTH_SECRET: AUTH_SECRET });
  try {
    await seed(platform);
    const surveyor = await platform.as('wangqiang');
    await waitUntilListed(
      async () => {
        const answer = await surveyor.get('/tasks?scope=group&size=1&processId=tasklist-load');
        return answer.body.totalAtLeast ? OPEN : answer.body.total;
      },
      Math.min(OPEN, 10_000),
      'open task',
    );
  } catch (error) {
    await platform.stop();
    throw error;
  }
  await platform.application.stop();
  console.log(
    `seeded; to run again on these data: npm run load -- ${CLERKS} ${OPEN} ${FINISHED} ${SECONDS} ` +
      `--engine-db ${platform.engine.databaseUrl} --app-db ${databaseUrl}`,
  );
  return { engine: platform.engine, databaseUrl };
}

async function main(): Promise<void> {
  console.log(
    `load: ${CLERKS} clerks for ${SECONDS} s, ${OPEN} open and ${FINISHED} finished cases, on ${process.env.LOAD_DATABASE ?? 'sqlite'}`,
  );
  const reused = options['engine-db'] && options['app-db'];
  const { engine, databaseUrl } = reused
    ? { engine: await startEngineProcess({ databaseUrl: options['engine-db'] }), databaseUrl: options['app-db']! }
    : await seeded();
  try {
    await run(engine, databaseUrl);
  } finally {
    await engine.stop();
  }
}

runToExit(main);
