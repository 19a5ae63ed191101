/**
 * End-to-end engine benchmark on SQLite (a fresh temp database), with @camunda8/sdk job workers in a separate
 * process over gRPC (bench/engine/worker-process.ts):
 *
 *   1. jobs/s         N jobs pre-created (N instances of a one-task process, or N/tasks instances of a process with
 *                     `--tasks` sequential service tasks), then the worker process completes them all; timed from
 *                     the worker's start to its last acknowledged completion.
 *   2. instances/s    a closed-loop load generator (this process) keeps `--concurrency` CreateProcessInstanceWithResult
 *                     calls in flight while the worker completes the jobs; completions counted over `--duration`
 *                     seconds after a `--warmup`.
 *   3. latency        a paced (open-loop) generator at HALF the best measured instance rate; p50/p95/p99 of job
 *                     CREATED → job COMPLETED from the engine's event log (engine clock, ms resolution), and the
 *                     client-side create → result round trip.
 *   4. reference      the store's raw durable commit rate (measureStoreCommitRate, 1 record + 1 state row per
 *                     commit, temp SQLite file, same synchronous mode as the engine).
 *
 * Phases 1 and 2 run once per worker mode: `stream` (StreamActivatedJobs via zbc.streamJobs) and `poll`
 * (ActivateJobs long polling via zbc.createWorker with a large maxJobsToActivate).
 *
 *   npm run bench -- [--duration 10] [--warmup 3] [--concurrency 128] [--jobs 5000] [--tasks 1]
 *                    [--latency-duration 8] [--modes stream,poll] [--max-jobs 256] [--store-duration 3]
 *                    [--sync FULL|NORMAL] [--cpu-prof <dir>]
 *
 * --cpu-prof runs the engine and the worker processes under `node --cpu-prof` and prints, at the end, where each
 * spends its time: the engine's threads summed, and the worker processes' (see cpu-profile-summary.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Zeebe } from '@camunda8/sdk';
import { createStorage } from '../../engine/storage/create-storage';
import { startEngineProcess, type EngineProcess } from '../../tests/support/engine-process';
import { ENGINE_CODE, WORKER_CODE, summarizeCpuProfile, type OwnCode } from './cpu-profile-summary';
import { measureStoreCommitRate, type StoreCommitRate } from './store-commit-rate';
import type { FromWorker, ToWorker, WorkerMode } from './worker-process';

const ROOT = path.join(__dirname, '..', '..');
const WORKER_SCRIPT = path.join(__dirname, 'worker-process.ts');

// The targets of the engine's speed work: jobs and one-task instances a second, and the job latency at half the
// maximum instance rate.
const TARGET_JOBS_PER_SEC = 2_500;
const TARGET_INSTANCES_PER_SEC = 1_500;
const TARGET_P99_MS = 50;

interface Options {
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  jobs: number;
  tasks: number;
  latencyMs: number;
  modes: WorkerMode[];
  maxJobs: number;
  storeMs: number;
  sync: 'FULL' | 'NORMAL';
  cpuProfDir?: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '128' },
      jobs: { type: 'string', default: '5000' },
      tasks: { type: 'string', default: '1' },
      'latency-duration': { type: 'string', default: '8' },
      modes: { type: 'string', default: 'stream,poll' },
      'max-jobs': { type: 'string', default: '256' },
      'store-duration': { type: 'string', default: '3' },
      sync: { type: 'string', default: 'FULL' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
    process.exit(0);
  }
  const num = (name: string, raw: string, min: number): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}, got ${raw}`);
    return n;
  };
  const modes = values.modes.split(',').map((m) => m.trim()) as WorkerMode[];
  for (const m of modes) if (m !== 'stream' && m !== 'poll') throw new Error(`--modes: unknown mode ${m}`);
  const sync = values.sync.toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new Error(`--sync must be FULL or NORMAL, got ${values.sync}`);
  return {
    durationMs: num('duration', values.duration, 1) * 1000,
    warmupMs: num('warmup', values.warmup, 0) * 1000,
    concurrency: Math.floor(num('concurrency', values.concurrency, 1)),
    jobs: Math.floor(num('jobs', values.jobs, 1)),
    tasks: Math.floor(num('tasks', values.tasks, 1)),
    latencyMs: num('latency-duration', values['latency-duration'], 1) * 1000,
    modes,
    maxJobs: Math.floor(num('max-jobs', values['max-jobs'], 1)),
    storeMs: num('store-duration', values['store-duration'], 0.5) * 1000,
    sync,
    cpuProfDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Models and clients

/** start → `tasks` sequential service tasks of `jobType` → end. */
function processXml(processId: string, jobType: string, tasks: number): Buffer {
  const elements: string[] = [];
  let previous = 'start';
  for (let i = 1; i <= tasks; i++) {
    elements.push(
      `<bpmn:serviceTask id="task${i}"><bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" retries="3" />` +
        `</bpmn:extensionElements></bpmn:serviceTask>`,
      `<bpmn:sequenceFlow id="flow${i}" sourceRef="${previous}" targetRef="task${i}" />`,
    );
    previous = `task${i}`;
  }
  elements.push(`<bpmn:sequenceFlow id="flowEnd" sourceRef="${previous}" targetRef="end" />`);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${elements.join('\n    ')}
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`);
}

function sdkClient(port: number): Zeebe.ZeebeGrpcClient {
  return new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    },
  });
}

async function deploy(zbc: Zeebe.ZeebeGrpcClient, processId: string, jobType: string, tasks: number): Promise<void> {
  await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId, jobType, tasks) });
}

// ---------------------------------------------------------------------------------------------------------------
// The worker process

interface WorkerHandle {
  send(message: ToWorker): void;
  next(kind: FromWorker['kind'], timeoutMs: number): Promise<FromWorker>;
  stop(): Promise<{ completed: number; failed: number; cpuMs: number }>;
}

async function spawnWorker(
  port: number,
  jobType: string,
  mode: WorkerMode,
  o: Pick<Options, 'maxJobs' | 'cpuProfDir'>,
): Promise<WorkerHandle> {
  // Node itself runs the script (tsx as a loader, not tsx's CLI, which would run it in a child of its own), so
  // that a profiled worker process writes its profile into <dir>/worker at exit.
  const profile = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(o.cpuProfDir, 'worker')}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...profile,
      '--import',
      'tsx',
      WORKER_SCRIPT,
      ...['--port', String(port), '--type', jobType, '--mode', mode, '--max-jobs', String(o.maxJobs)],
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const inbox: FromWorker[] = [];
  const waiting: Array<() => void> = [];
  child.on('message', (message: FromWorker) => {
    if (message.kind === 'error') console.error(`worker (${mode}) error: ${message.message}`);
    inbox.push(message);
    for (const wake of waiting.splice(0)) wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = async (kind: FromWorker['kind'], timeoutMs: number): Promise<FromWorker> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = inbox.findIndex((m) => m.kind === kind || m.kind === 'error');
      if (i >= 0) {
        const [message] = inbox.splice(i, 1);
        if (message.kind === 'error') throw new Error(`worker process failed: ${message.message}`);
        return message;
      }
      if (child.exitCode !== null) throw new Error(`worker process exited (${child.exitCode}) before '${kind}'`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`worker process: no '${kind}' within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  const handle: WorkerHandle = {
    send: (message) => child.send(message),
    next,
    stop: async () => {
      try {
        if (child.connected) child.send({ kind: 'stop' } satisfies ToWorker);
        const stopped = await next('stopped', 10_000);
        await Promise.race([exited, sleep(2_000)]);
        if (stopped.kind !== 'stopped') throw new Error('unexpected worker message');
        return { completed: stopped.completed, failed: stopped.failed, cpuMs: stopped.cpuMs };
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
  await next('ready', 30_000);
  return handle;
}

// ---------------------------------------------------------------------------------------------------------------
// Load generators

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates `count` instances (no result awaited), `concurrency` calls in flight; returns instances/s. */
async function preCreate(
  zbc: Zeebe.ZeebeGrpcClient,
  processId: string,
  count: number,
  concurrency: number,
): Promise<number> {
  let issued = 0;
  const t0 = performance.now();
  const loop = async (): Promise<void> => {
    while (issued < count) {
      issued++;
      for (let attempt = 0; ; attempt++) {
        try {
          await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
          break;
        } catch (err) {
          if (attempt > 50) throw err;
          await sleep(20); // RESOURCE_EXHAUSTED: back off and retry
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, loop));
  return (count * 1000) / (performance.now() - t0);
}

interface ClosedLoopResult {
  completions: number;
  errors: number;
  ratePerSec: number;
  latenciesMs: number[];
}

/** `concurrency` loops of CreateProcessInstanceWithResult; counts results that arrive inside the measured window. */
async function closedLoop(
  zbc: Zeebe.ZeebeGrpcClient,
  processId: string,
  concurrency: number,
  warmupMs: number,
  durationMs: number,
): Promise<ClosedLoopResult> {
  const start = performance.now();
  const windowStart = start + warmupMs;
  const windowEnd = windowStart + durationMs;
  let completions = 0;
  let errors = 0;
  const latenciesMs: number[] = [];
  const loop = async (): Promise<void> => {
    while (performance.now() < windowEnd) {
      const t0 = performance.now();
      try {
        await zbc.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: {}, requestTimeout: 60_000 });
        const t1 = performance.now();
        if (t1 >= windowStart && t1 < windowEnd) {
          completions++;
          latenciesMs.push(t1 - t0);
        }
      } catch {
        errors++;
        await sleep(20);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { completions, errors, ratePerSec: (completions * 1000) / durationMs, latenciesMs };
}

interface PacedResult {
  sent: number;
  errors: number;
  /** Client-side create → result round trips of the instances started after the warm-up. */
  latenciesMs: number[];
  /** Epoch ms at which the measured part began (after warm-up). */
  measuredFromEpochMs: number;
  achievedRate: number;
}

/** Open loop: starts instances at `rate`/s regardless of how fast they finish; waits for all of them. */
async function paced(
  zbc: Zeebe.ZeebeGrpcClient,
  processId: string,
  rate: number,
  warmupMs: number,
  durationMs: number,
): Promise<PacedResult> {
  const start = performance.now();
  const measuredFrom = start + warmupMs;
  const end = measuredFrom + durationMs;
  const measuredFromEpochMs = Date.now() + warmupMs;
  const inFlight = new Set<Promise<void>>();
  const latenciesMs: number[] = [];
  let sent = 0;
  let sentMeasured = 0;
  let errors = 0;
  for (;;) {
    const now = performance.now();
    if (now >= end) break;
    const due = Math.floor(((now - start) * rate) / 1000);
    while (sent < due) {
      sent++;
      const t0 = performance.now();
      const measured = t0 >= measuredFrom;
      if (measured) sentMeasured++;
      const call = zbc
        .createProcessInstanceWithResult({ bpmnProcessId: processId, variables: {}, requestTimeout: 60_000 })
        .then(
          () => {
            if (measured) latenciesMs.push(performance.now() - t0);
          },
          () => {
            errors++;
          },
        )
        .finally(() => inFlight.delete(call));
      inFlight.add(call);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  return { sent, errors, latenciesMs, measuredFromEpochMs, achievedRate: (sentMeasured * 1000) / durationMs };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting: where the 2 cores go during a phase (engine, worker process, this load generator)

/** The engine's processes (tsx wrapper and the engine), found by the database URL in their environment. */
function enginePids(databaseUrl: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(`ENGINE_DATABASE_URL=${databaseUrl}`)) pids.push(Number(entry));
    } catch {
      // not ours or gone
    }
  }
  return pids;
}

/** utime + stime of the processes, ms (Linux /proc; 0 elsewhere). */
function processCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface CpuShare {
  engine: number;
  worker: number;
  loader: number;
}

class CpuMeter {
  private readonly wall = performance.now();
  private readonly engine: number;
  private readonly loader = process.cpuUsage();
  constructor(private readonly pids: number[]) {
    this.engine = processCpuMs(pids);
  }
  /** CPU use per process as a fraction of one core over the phase. */
  read(workerCpuMs: number): CpuShare {
    const wall = performance.now() - this.wall;
    const loader = process.cpuUsage(this.loader);
    return {
      engine: (processCpuMs(this.pids) - this.engine) / wall,
      worker: workerCpuMs / wall,
      loader: (loader.user + loader.system) / 1000 / wall,
    };
  }
}

/** CPU per process as % of one core, and as CPU ms per unit of work (less sensitive to a busy machine). */
const cpuNote = (c: CpuShare | undefined, ratePerSec: number, unit: string): string => {
  if (!c) return '';
  const per = (share: number): string => fmt((share * 1000) / ratePerSec, 2);
  return (
    `cpu % of a core / ms per ${unit}: engine ${fmt(c.engine * 100)}% ${per(c.engine)}, ` +
    `worker ${fmt(c.worker * 100)}% ${per(c.worker)}, loadgen ${fmt(c.loader * 100)}% ${per(c.loader)}`
  );
};

// ---------------------------------------------------------------------------------------------------------------
// The engine's event log

async function lastLogPosition(databaseUrl: string): Promise<number> {
  const storage = createStorage(databaseUrl);
  await storage.open();
  try {
    return await storage.lastPosition();
  } finally {
    await storage.close();
  }
}

interface LogLatency {
  latenciesMs: number[];
  records: number;
  instances: number;
}

/** Job CREATED → COMPLETED (engine timestamps) for jobs of `jobType` created at or after `fromEpochMs`. */
async function jobLatenciesFromLog(
  databaseUrl: string,
  afterPosition: number,
  jobType: string,
  fromEpochMs: number,
): Promise<LogLatency> {
  const storage = createStorage(databaseUrl);
  await storage.open();
  const created = new Map<number, number>();
  const latenciesMs: number[] = [];
  let records = 0;
  const instances = new Set<number>();
  try {
    let position = afterPosition;
    for (;;) {
      const page = await storage.readRecords(position, 10_000);
      for (const r of page) {
        records++;
        if (r.processInstanceKey !== null) instances.add(r.processInstanceKey);
        if (r.valueType !== 'JOB' || (r.intent !== 'CREATED' && r.intent !== 'COMPLETED')) continue;
        const value = JSON.parse(r.value) as { type?: string };
        if (value.type !== jobType) continue;
        if (r.intent === 'CREATED') {
          if (r.timestamp >= fromEpochMs) created.set(r.key, r.timestamp);
        } else {
          const t0 = created.get(r.key);
          if (t0 !== undefined) latenciesMs.push(r.timestamp - t0);
        }
      }
      if (page.length < 10_000) break;
      position = page[page.length - 1].position;
    }
  } finally {
    await storage.close();
  }
  return { latenciesMs, records, instances: instances.size };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

interface JobsResult {
  mode: WorkerMode;
  jobs: number;
  jobsPerSec: number;
  preCreatePerSec: number;
  cpu?: CpuShare;
}

async function jobsPhase(
  engine: EngineProcess,
  zbc: Zeebe.ZeebeGrpcClient,
  mode: WorkerMode,
  o: Options,
): Promise<JobsResult> {
  const processId = `bench-jobs-${mode}`;
  const jobType = `bench-jobs-${mode}`;
  await deploy(zbc, processId, jobType, o.tasks);
  const instances = Math.ceil(o.jobs / o.tasks);
  const jobs = instances * o.tasks;
  const worker = await spawnWorker(engine.grpcPort, jobType, mode, o);
  let result: JobsResult | undefined;
  let meter: CpuMeter | undefined;
  try {
    const preCreatePerSec = await preCreate(zbc, processId, instances, 256);
    meter = new CpuMeter(enginePids(engine.databaseUrl));
    worker.send({ kind: 'start', expect: jobs });
    const done = await worker.next('done', 120_000);
    if (done.kind !== 'done') throw new Error('unexpected worker message');
    result = { mode, jobs, jobsPerSec: (jobs * 1000) / done.elapsedMs, preCreatePerSec };
  } finally {
    const stopped = await worker.stop();
    if (result && meter) result.cpu = meter.read(stopped.cpuMs);
  }
  return result;
}

interface InstancesResult extends ClosedLoopResult {
  mode: WorkerMode;
  cpu?: CpuShare;
}

async function instancesPhase(
  engine: EngineProcess,
  zbc: Zeebe.ZeebeGrpcClient,
  mode: WorkerMode,
  o: Options,
): Promise<InstancesResult> {
  const processId = `bench-instances-${mode}`;
  await deploy(zbc, processId, processId, 1);
  const worker = await spawnWorker(engine.grpcPort, processId, mode, o);
  let result: InstancesResult | undefined;
  const meter = new CpuMeter(enginePids(engine.databaseUrl));
  try {
    worker.send({ kind: 'start' });
    await sleep(300); // let the stream / first poll open
    result = { mode, ...(await closedLoop(zbc, processId, o.concurrency, o.warmupMs, o.durationMs)) };
  } finally {
    const stopped = await worker.stop();
    if (stopped.failed) console.log(`worker (${mode}): ${stopped.failed} completions failed`);
    if (result) result.cpu = meter.read(stopped.cpuMs);
  }
  return result;
}

interface LatencyResult {
  mode: WorkerMode;
  targetRate: number;
  paced: PacedResult;
  log: LogLatency;
  cpu?: CpuShare;
}

async function latencyPhase(
  engine: EngineProcess,
  zbc: Zeebe.ZeebeGrpcClient,
  mode: WorkerMode,
  rate: number,
  o: Options,
): Promise<LatencyResult> {
  const processId = `bench-latency-${mode}`;
  await deploy(zbc, processId, processId, 1);
  const worker = await spawnWorker(engine.grpcPort, processId, mode, o);
  let result: LatencyResult | undefined;
  const meter = new CpuMeter(enginePids(engine.databaseUrl));
  try {
    worker.send({ kind: 'start' });
    await sleep(300);
    const from = await lastLogPosition(engine.databaseUrl);
    const run = await paced(zbc, processId, rate, 1_000, o.latencyMs);
    const log = await jobLatenciesFromLog(engine.databaseUrl, from, processId, run.measuredFromEpochMs);
    result = { mode, targetRate: rate, paced: run, log };
  } finally {
    const stopped = await worker.stop();
    if (result) result.cpu = meter.read(stopped.cpuMs);
  }
  return result;
}

/**
 * The engine under `node --cpu-prof` (not allowed in NODE_OPTIONS, so not through startEngineProcess): one node
 * process with tsx as an --import loader, on free ports and a fresh SQLite file. The profile is written on exit.
 */
/** The engine with V8's CPU profiler on (NODE_OPTIONS cannot carry --cpu-prof); the profile is written at exit. */
function startProfiledEngine(profileDir: string, env: Record<string, string>): Promise<EngineProcess> {
  fs.mkdirSync(profileDir, { recursive: true });
  return startEngineProcess({ env, auth: false, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  const o = parseOptions();
  const began = performance.now();
  console.log(
    `engine bench: SQLite synchronous=${o.sync}, workers in a separate process (modes ${o.modes.join(', ')}), ` +
      `${o.jobs} jobs x ${o.tasks} task(s)/instance, concurrency ${o.concurrency}, ` +
      `${o.warmupMs / 1000}+${o.durationMs / 1000} s per instance run, latency run ${o.latencyMs / 1000} s\n`,
  );

  // 4. Reference: the store's raw durable commit rate, measured first while the machine is idle.
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-store-'));
  let store: StoreCommitRate;
  const storage = createStorage(`sqlite:${path.join(storeDir, 'engine.db')}`, { sqliteSynchronous: o.sync });
  try {
    await storage.open();
    store = await measureStoreCommitRate(storage, {
      durationMs: o.storeMs,
      recordsPerCommit: 1,
      statePutsPerCommit: 1,
    });
  } finally {
    await storage.close();
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
  console.log(
    `store: ${fmt(store.commitsPerSec)} durable commits/s (1 record + 1 state row), p99 ${fmt(store.p99CommitMs, 2)} ms`,
  );

  const env: Record<string, string> = { ENGINE_SQLITE_SYNCHRONOUS: o.sync };
  // The engine runs open (ENGINE_AUTH=none): the numbers are the engine's own work; a token check is one HMAC a call.
  const engine = o.cpuProfDir
    ? await startProfiledEngine(o.cpuProfDir, env)
    : await startEngineProcess({ env, auth: false });
  const dbDir = path.dirname(engine.databaseUrl.replace(/^sqlite:/, ''));
  const zbc = sdkClient(engine.grpcPort);
  const jobs: JobsResult[] = [];
  const instances: InstancesResult[] = [];
  const latencies: LatencyResult[] = [];
  try {
    await zbc.topology();
    for (const mode of o.modes) {
      const r = await jobsPhase(engine, zbc, mode, o);
      jobs.push(r);
      console.log(
        `jobs (${mode}): ${fmt(r.jobsPerSec)} jobs/s over ${r.jobs} jobs (pre-created at ${fmt(r.preCreatePerSec)} instances/s)`,
      );
    }
    for (const mode of o.modes) {
      const r = await instancesPhase(engine, zbc, mode, o);
      instances.push(r);
      console.log(
        `instances (${mode}): ${fmt(r.ratePerSec)} instances/s (${r.completions} in ${o.durationMs / 1000} s, ${r.errors} errors)`,
      );
    }
    // Latency at half the best measured rate, and at half the target rate (the load the target names).
    const best = instances.reduce((a, b) => (b.ratePerSec > a.ratePerSec ? b : a));
    for (const rate of [Math.max(1, best.ratePerSec / 2), TARGET_INSTANCES_PER_SEC / 2]) {
      latencies.push(await latencyPhase(engine, zbc, best.mode, rate, o));
      console.log(`latency (${best.mode}) at ${fmt(rate)} instances/s: measured`);
    }
  } finally {
    await zbc.close().catch(() => undefined);
    await engine.stop();
    fs.rmSync(dbDir, { recursive: true, force: true });
  }

  // The report.
  const ratio = (x: number): string => `${fmt(x / store.commitsPerSec, 3)}`;
  const rows: string[][] = [];
  rows.push([
    'store durable commits/s (reference)',
    fmt(store.commitsPerSec),
    '',
    '1.000',
    `1 record + 1 state row, ${o.sync}`,
  ]);
  for (const r of jobs) {
    rows.push([
      `jobs/s (${r.mode})`,
      fmt(r.jobsPerSec),
      `>= ${TARGET_JOBS_PER_SEC} ${verdict(r.jobsPerSec >= TARGET_JOBS_PER_SEC)}`,
      ratio(r.jobsPerSec),
      `${r.jobs} pre-created jobs, ${o.tasks} task(s)/instance; ${cpuNote(r.cpu, r.jobsPerSec, 'job')}`,
    ]);
  }
  for (const r of instances) {
    const lat = [...r.latenciesMs].sort((a, b) => a - b);
    rows.push([
      `instances/s (${r.mode})`,
      fmt(r.ratePerSec),
      `>= ${TARGET_INSTANCES_PER_SEC} ${verdict(r.ratePerSec >= TARGET_INSTANCES_PER_SEC)}`,
      ratio(r.ratePerSec),
      `${o.concurrency} in flight; round trip p50 ${fmt(percentile(lat, 50), 1)} / p99 ${fmt(percentile(lat, 99), 1)} ms; ${r.errors} errors; ${cpuNote(r.cpu, r.ratePerSec, 'instance')}`,
    ]);
  }
  for (const latency of latencies) {
    const eng = [...latency.log.latenciesMs].sort((a, b) => a - b);
    const cli = [...latency.paced.latenciesMs].sort((a, b) => a - b);
    const p99 = percentile(eng, 99);
    const note = `${latency.mode}, ${fmt(latency.paced.achievedRate)}/s paced (target ${fmt(latency.targetRate)})`;
    rows.push(['job latency p50 ms (engine log)', fmt(percentile(eng, 50), 1), '', '', `${note}, ${eng.length} jobs`]);
    rows.push([
      'job latency p95 ms (engine log)',
      fmt(percentile(eng, 95), 1),
      '',
      '',
      'job CREATED -> COMPLETED timestamps',
    ]);
    rows.push([
      'job latency p99 ms (engine log)',
      fmt(p99, 1),
      `< ${TARGET_P99_MS} ${verdict(p99 < TARGET_P99_MS)}`,
      '',
      cpuNote(latency.cpu, latency.paced.achievedRate, 'instance'),
    ]);
    rows.push([
      'create->result p50/p95/p99 ms (client)',
      `${fmt(percentile(cli, 50), 1)}/${fmt(percentile(cli, 95), 1)}/${fmt(percentile(cli, 99), 1)}`,
      '',
      '',
      `CreateProcessInstanceWithResult round trip, ${latency.paced.errors} errors`,
    ]);
    if (latency.log.instances > 0) {
      rows.push([
        'log records per instance',
        fmt(latency.log.records / latency.log.instances, 1),
        '',
        '',
        'latency run',
      ]);
    }
  }
  console.log();
  console.log(table(['figure', 'value', 'target', 'x store commit rate', 'notes'], rows));
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `\ntotal ${fmt((performance.now() - began) / 1000, 1)} s; load average now ${load.join(' ')} on ${os.cpus().length} cores`,
  );

  if (o.cpuProfDir) {
    printProfiles('engine (every thread)', o.cpuProfDir, ENGINE_CODE);
    printProfiles('worker processes (every phase)', path.join(o.cpuProfDir, 'worker'), WORKER_CODE);
  }
}

function printProfiles(label: string, dir: string, own: OwnCode): void {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(dir, f))
    : [];
  if (!files.length) return void console.log(`\nno .cpuprofile written to ${dir}`);
  console.log(`\n${label} CPU profiles in ${dir}:\n`);
  console.log(summarizeCpuProfile(files, 25, own));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
