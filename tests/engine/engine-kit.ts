/**
 * Shared helpers of the engine integration tests: one real engine per test file, the SDK client, BPMN fixtures,
 * the committed event log (for the path an instance took), open incidents and the engine clock.
 */
import type { Zeebe } from '@camunda8/sdk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { elementsWith, readRecords } from '../support/engine-records';
import { waitFor } from '../support/wait-for';
import { sdkClient } from '../grpc/grpc-test-clients';

export { unique } from '../grpc/grpc-test-clients';

export interface EngineHarness {
  engine: EngineProcess;
  zbc: Zeebe.ZeebeGrpcClient;
}

/** Starts one engine for the test file (beforeAll) and stops it afterwards (afterAll). */
export function useEngine(): EngineHarness {
  const harness = {} as EngineHarness;
  beforeAll(async () => {
    harness.engine = await startEngineProcess();
    harness.zbc = sdkClient(harness.engine);
    await harness.zbc.topology(); // the SDK sets up its logger on the first call
  });
  afterAll(async () => {
    await harness.zbc?.close();
    await harness.engine?.stop();
  });
  return harness;
}

export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, 'fixtures', name));
}

/** Deploys a fixture and returns its (only) process. */
export async function deployFixture(zbc: Zeebe.ZeebeGrpcClient, name: string) {
  const res = await zbc.deployResource({ name, process: fixture(name) });
  return res.deployments[0].process;
}

export interface LoggedRecord {
  key: number;
  valueType: string;
  intent: string;
  recordType: string;
  value: Record<string, unknown>;
}

/** The committed records of one process instance, in order. */
export async function recordsOf(engine: EngineProcess, processInstanceKey: string): Promise<LoggedRecord[]> {
  const rows = await readRecords(engine.databaseUrl);
  return rows
    .map((r) => ({
      key: r.key,
      valueType: r.valueType,
      intent: r.intent,
      recordType: r.recordType,
      value: JSON.parse(r.value) as Record<string, unknown>,
    }))
    .filter((r) => String(r.value.processInstanceKey) === String(processInstanceKey));
}

/** The element ids (the process id included) that completed, in order. */
export const completedElements = (engine: EngineProcess, processInstanceKey: string): Promise<string[]> =>
  elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_COMPLETED');

export const terminatedElements = (engine: EngineProcess, processInstanceKey: string): Promise<string[]> =>
  elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_TERMINATED');

export const activatedElements = (engine: EngineProcess, processInstanceKey: string): Promise<string[]> =>
  elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_ACTIVATED');

/** Whether the process instance itself has completed. */
export async function instanceCompleted(engine: EngineProcess, processInstanceKey: string): Promise<boolean> {
  const records = await recordsOf(engine, processInstanceKey);
  return records.some(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && r.value.bpmnElementType === 'PROCESS',
  );
}

export const waitForCompletion = (engine: EngineProcess, processInstanceKey: string): Promise<true> =>
  waitFor(() => instanceCompleted(engine, processInstanceKey), {
    description: `instance ${processInstanceKey} to complete`,
  });

export interface OpenIncident {
  key: string;
  errorType: string;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: string;
  jobKey: string;
}

/** The incidents of an instance that are created and not resolved, oldest first. */
export async function openIncidents(engine: EngineProcess, processInstanceKey: string): Promise<OpenIncident[]> {
  const open = new Map<number, OpenIncident>();
  for (const r of await recordsOf(engine, processInstanceKey)) {
    if (r.valueType !== 'INCIDENT' || r.recordType !== 'EVENT') continue;
    if (r.intent === 'CREATED') {
      open.set(r.key, {
        key: String(r.key),
        errorType: String(r.value.errorType),
        errorMessage: String(r.value.errorMessage),
        elementId: String(r.value.elementId),
        elementInstanceKey: String(r.value.elementInstanceKey),
        jobKey: String(r.value.jobKey),
      });
    } else if (r.intent === 'RESOLVED') open.delete(r.key);
  }
  return [...open.values()];
}

/** Waits for exactly one open incident on the instance and returns it. */
export const waitForIncident = (engine: EngineProcess, processInstanceKey: string): Promise<OpenIncident> =>
  waitFor(async () => (await openIncidents(engine, processInstanceKey))[0], {
    description: `an incident on ${processInstanceKey}`,
  });

async function clockCall(engine: EngineProcess, path: string, init: RequestInit): Promise<void> {
  const headers = { ...(init.headers as Record<string, string> | undefined), ...(await engine.authHeaders()) };
  const res = await fetch(`${engine.restAddress}/v2/clock${path}`, { ...init, headers });
  if (!res.ok) throw new Error(`clock ${path || 'pin'}: HTTP ${res.status} ${await res.text()}`);
}

/** Pins the engine clock at `timestamp` (epoch ms). */
export const pinClock = (engine: EngineProcess, timestamp: number): Promise<void> =>
  clockCall(engine, '', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ timestamp }),
  });

export const resetClock = (engine: EngineProcess): Promise<void> => clockCall(engine, '/reset', { method: 'POST' });

/** Activates jobs of a type without waiting (a negative request timeout answers at once). */
export function activateNow(
  zbc: Zeebe.ZeebeGrpcClient,
  type: string,
  options: { max?: number; timeout?: number; fetchVariable?: string[] } = {},
) {
  return zbc.activateJobs({
    type,
    worker: 'engine-test',
    maxJobsToActivate: options.max ?? 10,
    timeout: options.timeout ?? 60_000,
    requestTimeout: -1,
    fetchVariable: options.fetchVariable,
  });
}

/** Polls until exactly `count` jobs (default 1) of the type are activated, and returns them. */
export async function activateJobs(
  zbc: Zeebe.ZeebeGrpcClient,
  type: string,
  count = 1,
  options: { timeout?: number; fetchVariable?: string[] } = {},
) {
  const jobs: Awaited<ReturnType<typeof activateNow>> = [];
  await waitFor(
    async () => {
      jobs.push(...(await activateNow(zbc, type, { ...options, max: count - jobs.length })));
      return jobs.length >= count;
    },
    { description: `${count} job(s) of type ${type}` },
  );
  return jobs;
}

export async function activateJob(
  zbc: Zeebe.ZeebeGrpcClient,
  type: string,
  options: { timeout?: number; fetchVariable?: string[] } = {},
) {
  return (await activateJobs(zbc, type, 1, options))[0];
}
