/**
 * Durability: an acknowledged command survives a crash. Many instances run through start → A → B → end while a
 * worker completes A's jobs; the engine is killed with SIGKILL mid-flight and restarted on the same database. Every
 * acknowledged instance must then complete exactly once, no acknowledged job completion may be lost (its job is
 * never handed out again), and jobs that were activated but not completed come back after their timeout.
 * A second test stops the engine gracefully and checks that waiting instances, incidents and variables survive.
 */
import type { Zeebe } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import { sdkClient, unique } from '../grpc/grpc-test-clients';
import { readRecords } from '../support/engine-records';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import type { RecordRow } from '../../engine/storage/engine-storage';

jest.setTimeout(180_000);

const JOB_TIMEOUT_MS = 2_000;

function twoTaskProcess(processId: string, typeA: string, typeB: string): Buffer {
  const task = (id: string, type: string, incoming: string, outgoing: string) => `
    <bpmn:serviceTask id="${id}">
      <bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="3" /></bpmn:extensionElements>
      <bpmn:incoming>${incoming}</bpmn:incoming>
      <bpmn:outgoing>${outgoing}</bpmn:outgoing>
    </bpmn:serviceTask>`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    ${task('A', typeA, 'f1', 'f2')}
    ${task('B', typeB, 'f2', 'f3')}
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="A" />
    <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="B" />
    <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`);
}

interface Activation {
  jobKey: string;
  processInstanceKey: string;
  elementId: string;
  deadline: number;
  at: number;
}

/**
 * A job worker run by the test itself, so that it knows exactly which activations and completions the engine
 * acknowledged. `skip` decides which activated jobs it deliberately leaves uncompleted (to time out).
 */
class RecordingWorker {
  readonly activations: Activation[] = [];
  /** jobKey → processInstanceKey of every CompleteJob the engine acknowledged. */
  readonly acknowledged = new Map<string, string>();
  readonly completionErrors: unknown[] = [];
  readonly skipped = new Set<string>();
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly zbc: Zeebe.ZeebeGrpcClient,
    private readonly type: string,
    private readonly skip: (activation: Activation) => boolean = () => false,
    pollers = 3,
  ) {
    for (let i = 0; i < pollers; i++) this.loops.push(this.poll(`${type}-worker-${i}`));
  }

  private async poll(worker: string): Promise<void> {
    while (this.running) {
      let jobs: Awaited<ReturnType<Zeebe.ZeebeGrpcClient['activateJobs']>>;
      try {
        jobs = await this.zbc.activateJobs({
          type: this.type,
          worker,
          maxJobsToActivate: 32,
          timeout: JOB_TIMEOUT_MS,
          requestTimeout: 500,
        });
      } catch {
        if (!this.running) return;
        // The engine is down (killed on purpose): a short back-off before the next poll.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const at = Date.now();
      await Promise.all(
        jobs.map(async (job) => {
          const activation: Activation = {
            jobKey: job.key,
            processInstanceKey: job.processInstanceKey,
            elementId: job.elementId,
            deadline: Number(job.deadline),
            at,
          };
          this.activations.push(activation);
          if (this.skip(activation)) {
            this.skipped.add(job.key);
            return;
          }
          try {
            await this.zbc.completeJob({ jobKey: job.key, variables: { [`done_${job.elementId}`]: true } });
            this.acknowledged.set(job.key, job.processInstanceKey);
          } catch (error) {
            this.completionErrors.push(error);
          }
        }),
      );
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

/** For a failure message: where each unfinished instance stands, by its last records. */
function describeStuck(records: RecordRow[], created: Set<string>, processId: string): string {
  const done = new Set(
    records
      .filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && valueOf(r).elementId === processId,
      )
      .map((r) => String(r.processInstanceKey)),
  );
  const stuck = [...created].filter((key) => !done.has(key));
  return stuck
    .slice(0, 5)
    .map((key) => {
      const own = records.filter((r) => String(r.processInstanceKey) === key);
      const jobKeys = new Set(own.filter((r) => r.valueType === 'JOB').map((r) => String(r.key)));
      const batches = records.filter(
        (r) => r.valueType === 'JOB_BATCH' && (valueOf(r).jobKeys as unknown[]).map(String).some((k) => jobKeys.has(k)),
      );
      const lines = [...own, ...batches]
        .sort((a, b) => a.position - b.position)
        .map((r) => `  ${r.position} ${r.valueType} ${r.intent} key=${r.key} ${String(valueOf(r).elementId ?? '')}`);
      return `instance ${key} (of ${stuck.length} unfinished):\n${lines.join('\n')}`;
    })
    .join('\n');
}

const valueOf = (row: RecordRow): Record<string, unknown> => JSON.parse(row.value) as Record<string, unknown>;

describe('crash recovery (kill -9 mid-flight)', () => {
  let engine: EngineProcess | undefined;
  const clients: Zeebe.ZeebeGrpcClient[] = [];

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await engine?.stop();
  });

  it('completes every acknowledged instance exactly once and loses no acknowledged job completion', async () => {
    engine = await startEngineProcess();
    const { databaseUrl } = engine;
    const before = sdkClient(engine);
    clients.push(before);
    await before.topology();

    const processId = unique('crash');
    const typeA = unique('crash-a');
    const typeB = unique('crash-b');
    await before.deployResource({ name: `${processId}.bpmn`, process: twoTaskProcess(processId, typeA, typeB) });

    // The instances the engine acknowledged, created concurrently: a first wave of 300 at once, then a trickle
    // that keeps creating until the engine dies.
    const created = new Set<string>();
    const create = async () => {
      const instance = await before.createProcessInstance({ bpmnProcessId: processId, variables: { wave: 1 } });
      created.add(instance.processInstanceKey);
    };
    let killed = false;
    const trickle = (async () => {
      while (!killed) await Promise.all(Array.from({ length: 10 }, () => create().catch(() => undefined)));
    })();
    // Every 7th job A is activated once and left uncompleted: it must come back after its timeout (before the kill
    // or after the restart, depending on when its deadline falls).
    let seen = 0;
    const skippedOnce = new Set<string>();
    const workerA = new RecordingWorker(before, typeA, ({ jobKey }) => {
      if (skippedOnce.has(jobKey) || ++seen % 7 !== 0) return false;
      skippedOnce.add(jobKey);
      return true;
    });
    const workerB = new RecordingWorker(before, typeB);
    await Promise.all(Array.from({ length: 300 }, () => create()));

    await waitFor(() => workerA.acknowledged.size >= 150, {
      timeout: 60_000,
      interval: 250,
      description: '150 acknowledged completions of A',
    });
    const killedAt = Date.now();
    await engine.kill();
    killed = true;
    await Promise.all([workerA.stop(), workerB.stop(), trickle]);
    const figures = {
      acknowledgedInstances: created.size,
      acknowledgedCompletionsA: workerA.acknowledged.size,
      acknowledgedCompletionsB: workerB.acknowledged.size,
      activatedButNotCompletedA: workerA.skipped.size,
      failedCompletionCallsAtKill: workerA.completionErrors.length + workerB.completionErrors.length,
    };
    const firstActivation = new Map<string, Activation>();
    for (const a of workerA.activations) if (!firstActivation.has(a.jobKey)) firstActivation.set(a.jobKey, a);

    // Restart on the same database.
    const restartStarted = Date.now();
    engine = await startEngineProcess({ databaseUrl });
    const restartMs = Date.now() - restartStarted;
    const after = sdkClient(engine);
    clients.push(after);
    const afterA = new RecordingWorker(after, typeA);
    const afterB = new RecordingWorker(after, typeB);
    let records: RecordRow[] = [];
    const processCompleted = (rows: RecordRow[]) =>
      rows.filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && valueOf(r).elementId === processId,
      );
    try {
      await waitFor(
        async () => {
          records = await readRecords(databaseUrl);
          const done = new Set(processCompleted(records).map((r) => String(r.processInstanceKey)));
          return [...created].every((key) => done.has(key));
        },
        { timeout: 60_000, interval: 250, description: 'every acknowledged instance to complete' },
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${describeStuck(records, created, processId)}\n${engine?.output()}`);
      });
    } finally {
      await Promise.all([afterA.stop(), afterB.stop()]);
    }
    const recoveredMs = Date.now() - killedAt;

    // Nothing is left to do: no job of A or B remains activatable.
    for (const type of [typeA, typeB]) {
      const left = await after.activateJobs({
        type,
        worker: 'sweeper',
        maxJobsToActivate: 100,
        timeout: 60_000,
        requestTimeout: -1,
      });
      expect(left).toEqual([]);
    }
    records = await readRecords(databaseUrl);

    // Every acknowledged instance completed exactly once (and so did any instance whose creation was not acknowledged).
    const completions = new Map<string, number>();
    for (const row of processCompleted(records)) {
      const key = String(row.processInstanceKey);
      completions.set(key, (completions.get(key) ?? 0) + 1);
    }
    for (const key of created) expect({ key, completions: completions.get(key) }).toEqual({ key, completions: 1 });
    for (const [key, count] of completions) expect({ key, count }).toEqual({ key, count: 1 });

    // Task A and B completed exactly once per instance.
    const taskCompletions = (elementId: string) => {
      const counts = new Map<string, number>();
      for (const r of records) {
        if (
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_COMPLETED' &&
          valueOf(r).elementId === elementId
        ) {
          counts.set(String(r.processInstanceKey), (counts.get(String(r.processInstanceKey)) ?? 0) + 1);
        }
      }
      return counts;
    };
    const completedA = taskCompletions('A');
    const completedB = taskCompletions('B');
    for (const key of created) {
      expect({ key, A: completedA.get(key), B: completedB.get(key) }).toEqual({ key, A: 1, B: 1 });
    }

    // No acknowledged completion is lost: its job is in the log as COMPLETED, and it is never handed out again.
    const completedJobKeys = new Set(
      records.filter((r) => r.valueType === 'JOB' && r.intent === 'COMPLETED').map((r) => String(r.key)),
    );
    const reactivatedAfterRestart = new Set(afterA.activations.map((a) => a.jobKey));
    for (const [jobKey, instanceKey] of workerA.acknowledged) {
      expect({ jobKey, instanceKey, inLog: completedJobKeys.has(jobKey) }).toEqual({
        jobKey,
        instanceKey,
        inLog: true,
      });
      expect({ jobKey, handedOutAgain: reactivatedAfterRestart.has(jobKey) }).toEqual({
        jobKey,
        handedOutAgain: false,
      });
    }
    for (const [jobKey] of workerB.acknowledged) expect(completedJobKeys.has(jobKey)).toBe(true);
    // ...and no JOB_BATCH after its completion names it.
    const completedAt = new Map(
      records.filter((r) => r.valueType === 'JOB' && r.intent === 'COMPLETED').map((r) => [String(r.key), r.position]),
    );
    for (const r of records) {
      if (r.valueType !== 'JOB_BATCH' || r.intent !== 'ACTIVATED') continue;
      for (const jobKey of (valueOf(r).jobKeys as Array<string | number>).map(String)) {
        const completedPosition = completedAt.get(jobKey);
        if (completedPosition !== undefined) expect(r.position).toBeLessThan(completedPosition);
      }
    }

    // Jobs activated but left uncompleted were handed out again (before the kill or after the restart), never
    // before their activation deadline passed; those still out at the kill came back after the restart.
    expect(workerA.skipped.size).toBeGreaterThan(0);
    let skippedBackAfterRestart = 0;
    for (const jobKey of workerA.skipped) {
      const first = firstActivation.get(jobKey)!;
      const again = [...workerA.activations, ...afterA.activations].find((a) => a.jobKey === jobKey && a !== first);
      expect({ jobKey, reactivated: again !== undefined }).toEqual({ jobKey, reactivated: true });
      expect(again!.at).toBeGreaterThanOrEqual(first.deadline);
      if (first.deadline > killedAt) {
        expect(afterA.activations.some((a) => a.jobKey === jobKey)).toBe(true);
        skippedBackAfterRestart++;
      }
    }

    console.log(
      'crash recovery figures',
      JSON.stringify({
        ...figures,
        instancesNotCompletedAtKill: created.size - workerB.acknowledged.size,
        restartMs,
        killToAllCompletedMs: recoveredMs,
        activationsAfterRestartA: afterA.activations.length,
        skippedJobsBackAfterRestart: skippedBackAfterRestart,
      }),
    );
  });
});

describe('graceful stop and restart', () => {
  let engine: EngineProcess | undefined;
  const clients: Zeebe.ZeebeGrpcClient[] = [];

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await engine?.stop();
  });

  it('keeps waiting instances, open incidents and variables', async () => {
    engine = await startEngineProcess();
    const { databaseUrl } = engine;
    const before = sdkClient(engine);
    clients.push(before);
    await before.topology();

    const processId = unique('restart');
    const typeA = unique('restart-a');
    const typeB = unique('restart-b');
    await before.deployResource({ name: `${processId}.bpmn`, process: twoTaskProcess(processId, typeA, typeB) });

    // 1: waits at A with its variables. 2: A completed with a result, waits at B. 3: A failed without retries (incident).
    const waitingAtA = await before.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 客户: '张三', amount: 12.5, nested: { list: [1, 'two'] } },
    });
    const waitingAtB = await before.createProcessInstance({ bpmnProcessId: processId, variables: { n: 1 } });
    const withIncident = await before.createProcessInstance({ bpmnProcessId: processId, variables: { n: 3 } });
    const activated = await before.activateJobs({
      type: typeA,
      worker: 'before',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(activated).toHaveLength(3);
    const jobOf = (instanceKey: string) => activated.find((j) => j.processInstanceKey === instanceKey)!;
    await before.completeJob({ jobKey: jobOf(waitingAtB.processInstanceKey).key, variables: { n: 2, fromA: 'ok' } });
    await before.failJob({
      jobKey: jobOf(withIncident.processInstanceKey).key,
      retries: 0,
      errorMessage: 'meter service down',
      retryBackOff: 0,
    });
    await before.setVariables({
      elementInstanceKey: waitingAtA.processInstanceKey,
      variables: { set: 'late' },
      local: false,
    });
    // Give back job A of instance 1 so that it is activatable again after the restart.
    await before.failJob({
      jobKey: jobOf(waitingAtA.processInstanceKey).key,
      retries: 3,
      errorMessage: 'later',
      retryBackOff: 0,
    });

    await before.close();
    await engine.stop();
    engine = await startEngineProcess({ databaseUrl });
    const after = sdkClient(engine);
    clients.push(after);

    const [jobA] = await after.activateJobs({
      type: typeA,
      worker: 'after',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    // Only instance 1's job: instance 3's job is held by its incident.
    expect(jobA).toMatchObject({ processInstanceKey: waitingAtA.processInstanceKey, elementId: 'A', retries: 3 });
    expect(jobA.variables).toEqual({ 客户: '张三', amount: 12.5, nested: { list: [1, 'two'] }, set: 'late' });
    const moreA = await after.activateJobs({
      type: typeA,
      worker: 'after',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: -1,
    });
    expect(moreA).toEqual([]);

    const [jobB] = await after.activateJobs({
      type: typeB,
      worker: 'after',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(jobB).toMatchObject({ processInstanceKey: waitingAtB.processInstanceKey, elementId: 'B' });
    expect(jobB.variables).toEqual({ n: 2, fromA: 'ok' });

    // The incident is still open: its key (from the log) resolves after the retries are raised.
    const records = await readRecords(databaseUrl);
    const incident = records.find(
      (r) =>
        r.valueType === 'INCIDENT' &&
        r.intent === 'CREATED' &&
        String(r.processInstanceKey) === withIncident.processInstanceKey,
    );
    expect(incident).toBeDefined();
    expect(valueOf(incident!)).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'meter service down',
      elementId: 'A',
    });
    expect(records.some((r) => r.valueType === 'INCIDENT' && r.intent === 'RESOLVED')).toBe(false);
    await after.updateJobRetries({ jobKey: jobOf(withIncident.processInstanceKey).key, retries: 1 });
    await after.resolveIncident({ incidentKey: String(incident!.key) });
    await expect(after.resolveIncident({ incidentKey: String(incident!.key) })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    const [retried] = await after.activateJobs({
      type: typeA,
      worker: 'after',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(retried).toMatchObject({ key: jobOf(withIncident.processInstanceKey).key, retries: 1 });
    expect(retried.variables).toEqual({ n: 3 });

    // Everything runs to the end after the restart.
    await after.completeJob({ jobKey: jobA.key, variables: {} });
    await after.completeJob({ jobKey: retried.key, variables: {} });
    await after.completeJob({ jobKey: jobB.key, variables: { fromB: true } });
    const remainingB = await after.activateJobs({
      type: typeB,
      worker: 'after',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(remainingB.map((j) => j.processInstanceKey).sort()).toEqual(
      [waitingAtA.processInstanceKey, withIncident.processInstanceKey].sort(),
    );
    for (const job of remainingB) await after.completeJob({ jobKey: job.key, variables: {} });
    const finalRecords = await readRecords(databaseUrl);
    for (const key of [waitingAtA, waitingAtB, withIncident].map((i) => i.processInstanceKey)) {
      const completed = finalRecords.filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_COMPLETED' &&
          String(r.processInstanceKey) === key &&
          valueOf(r).elementId === processId,
      );
      expect(completed).toHaveLength(1);
    }
  });
});
