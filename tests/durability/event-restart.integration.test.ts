/**
 * Durability of what waits on time or on a message (docs/zeebe-rules.md §6, §7): timers and buffered messages that are
 * pending when the engine goes down — by a graceful stop or by kill -9 — are still there after a restart on the
 * same database, fire or correlate exactly once, and never twice.
 *
 * The pinned engine clock (PUT /v2/clock) is state, as in Zeebe: after a restart the engine still stands at the pinned
 * time (asserted below through the timestamp of the first record written after the restart), and a reset clock
 * runs on the wall clock again after a restart. T lies far in the future, so that a clock that fell back to the wall
 * clock would show at once.
 *
 * Timeline of each test (the clock only moves forward):
 *   T       deploy; timer catch instance A1 waits (due T+1h); message catch instance B1 waits (orderId K1);
 *           message start instance M1 runs (key C); a second start message for key C is buffered behind M1;
 *           a catch message for key K2 is buffered (no instance with orderId K2 yet). Restart #1, re-pin T.
 *   T       B1 correlates; instance B2 (orderId K2) takes the buffered message; M1 ends, M2 starts from the
 *           buffered start message.
 *   T+1h    A1 fires; the timer start event starts its 1st instance; timer catch instance A2 waits (due T+2h).
 *           Restart #2: the engine is down while T+2h and T+3h pass, then the clock is pinned to T+3h.
 *   T+3h    A2 fires once; the timer start event starts its 2nd and 3rd instance (T+2h, T+3h), none twice.
 */
import type { Zeebe } from '@camunda8/sdk';
import { sdkClient, unique } from '../grpc/grpc-test-clients';
import { readRecords } from '../support/engine-records';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { activateJob, pinClock, resetClock } from '../engine/engine-kit';
import {
  bpmn,
  catchEvent,
  chain,
  deploy,
  endEvent,
  flow,
  message,
  messageDefinition,
  serviceTask,
  startEvent,
  timerDefinition,
} from '../events/event-kit';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Far ahead of the wall clock (see the header). */
const T = Date.UTC(2045, 0, 1, 0, 0, 0);

interface Logged {
  position: number;
  key: number;
  valueType: string;
  intent: string;
  timestamp: number;
  value: Record<string, unknown>;
}

async function log(engine: EngineProcess): Promise<Logged[]> {
  return (await readRecords(engine.databaseUrl)).map((r) => ({
    position: r.position,
    key: r.key,
    valueType: r.valueType,
    intent: r.intent,
    timestamp: r.timestamp,
    value: JSON.parse(r.value) as Record<string, unknown>,
  }));
}

const processEvents = (records: Logged[], intent: string, bpmnProcessId: string, elementId?: string) =>
  records.filter(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.intent === intent &&
      r.value.bpmnProcessId === bpmnProcessId &&
      (elementId === undefined ? r.value.bpmnElementType === 'PROCESS' : r.value.elementId === elementId),
  );

/** Keys of the process instances of a process that passed the given start event, in order. */
async function startedBy(engine: EngineProcess, bpmnProcessId: string, startEventId: string): Promise<string[]> {
  return processEvents(await log(engine), 'ELEMENT_ACTIVATED', bpmnProcessId, startEventId).map((r) =>
    String(r.value.processInstanceKey),
  );
}

/** How many times the process instance completed (must never be more than once). */
async function completions(engine: EngineProcess, processInstanceKey: string): Promise<number> {
  return (await log(engine)).filter(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.intent === 'ELEMENT_COMPLETED' &&
      r.value.bpmnElementType === 'PROCESS' &&
      String(r.value.processInstanceKey) === processInstanceKey,
  ).length;
}

const waitForCompletion = (engine: EngineProcess, processInstanceKey: string) =>
  waitFor(async () => (await completions(engine, processInstanceKey)) === 1, {
    description: `instance ${processInstanceKey} to complete`,
  });

const waitForActivation = (engine: EngineProcess, bpmnProcessId: string, processInstanceKey: string, id: string) =>
  waitFor(
    async () =>
      processEvents(await log(engine), 'ELEMENT_ACTIVATED', bpmnProcessId, id).some(
        (r) => String(r.value.processInstanceKey) === processInstanceKey,
      ),
    { description: `${id} to be activated in ${processInstanceKey}` },
  );

/** The root-scope variables of an instance, from its VARIABLE records. */
async function rootVariables(engine: EngineProcess, processInstanceKey: string): Promise<Record<string, unknown>> {
  const root: Record<string, unknown> = {};
  for (const r of await log(engine)) {
    if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey) {
      root[String(r.value.name)] = JSON.parse(String(r.value.value));
    }
  }
  return root;
}

/** TIMER TRIGGERED records of an element (of any instance of the process), their due dates in order. */
async function triggeredDueDates(engine: EngineProcess, processDefinitionKey: string, elementId: string) {
  return (await log(engine))
    .filter(
      (r) =>
        r.valueType === 'TIMER' &&
        r.intent === 'TRIGGERED' &&
        String(r.value.processDefinitionKey) === processDefinitionKey &&
        r.value.catchElementId === elementId,
    )
    .map((r) => Number(r.value.dueDate));
}

type Mode = 'graceful stop' | 'kill -9';

class Session {
  engine!: EngineProcess;
  zbc!: Zeebe.ZeebeGrpcClient;

  async start(databaseUrl?: string): Promise<void> {
    this.engine = await startEngineProcess({ databaseUrl });
    this.zbc = sdkClient(this.engine);
    await this.zbc.topology();
  }

  async down(mode: Mode): Promise<void> {
    await this.zbc.close();
    if (mode === 'kill -9') await this.engine.kill();
    else await this.engine.stop();
  }

  /** Down by `mode`, then up again on the same database (new ports). */
  async restart(mode: Mode): Promise<void> {
    const { databaseUrl } = this.engine;
    await this.down(mode);
    await this.start(databaseUrl);
  }

  async close(): Promise<void> {
    await this.zbc?.close();
    await this.engine?.stop();
  }
}

/** The timestamp of a record written now: the engine clock's time. */
async function probeTimestamp(s: Session): Promise<number> {
  await s.zbc.publishMessage({ name: unique('clock-probe'), correlationKey: 'x', timeToLive: 0 });
  return (await log(s.engine)).filter((r) => r.valueType === 'MESSAGE' && r.intent === 'PUBLISHED').pop()!.timestamp;
}

describe.each<Mode>(['graceful stop', 'kill -9'])('timers and buffered messages across a restart (%s)', (mode) => {
  const s = new Session();
  afterEach(() => s.close());

  it('fire and correlate exactly once after the restart', async () => {
    await s.start();
    await pinClock(s.engine, T);

    // ---- deploy at T -------------------------------------------------------------------------------------
    const timerCatchId = unique('restart-timer-catch');
    const timerCatch = await deploy(
      s.zbc,
      timerCatchId,
      bpmn(
        timerCatchId,
        `${startEvent()}${catchEvent('wait', timerDefinition('timeDuration', 'PT1H'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      ),
    );
    const messageCatchId = unique('restart-msg-catch');
    const catchName = unique('缴费到账');
    await deploy(
      s.zbc,
      messageCatchId,
      bpmn(
        messageCatchId,
        `${startEvent()}${catchEvent('wait', messageDefinition('msg'))}${endEvent()}${chain('start', 'wait', 'end')}`,
        message('msg', catchName, '=orderId'),
      ),
    );
    // one process, two start events: a timer cycle (→ end at once) and a message (→ a task that keeps it active)
    const startsId = unique('restart-starts');
    const startName = unique('报装申请');
    const jobType = unique('restart-work');
    const starts = await deploy(
      s.zbc,
      startsId,
      bpmn(
        startsId,
        `${startEvent('timerStart', timerDefinition('timeCycle', 'R/PT1H'))}${endEvent('timerEnd')}
         ${startEvent('msgStart', messageDefinition('startMsg'))}${serviceTask('task', jobType)}${endEvent('msgEnd')}
         ${flow('timerStart', 'timerEnd')}${chain('msgStart', 'task', 'msgEnd')}`,
        message('startMsg', startName),
      ),
    );

    // ---- what is pending when the engine goes down ---------------------------------------------------------
    const a1 = (await s.zbc.createProcessInstance({ bpmnProcessId: timerCatchId, variables: {} })).processInstanceKey;
    await waitForActivation(s.engine, timerCatchId, a1, 'wait');
    const b1 = (await s.zbc.createProcessInstance({ bpmnProcessId: messageCatchId, variables: { orderId: 'K1' } }))
      .processInstanceKey;
    await waitForActivation(s.engine, messageCatchId, b1, 'wait');
    // buffered for an instance that does not exist yet
    await s.zbc.publishMessage({ name: catchName, correlationKey: 'K2', timeToLive: DAY, variables: { late: true } });
    // M1 starts and stays active at its task; the second message for key C is held back behind it
    await s.zbc.publishMessage({ name: startName, correlationKey: 'C', timeToLive: DAY, variables: { n: 1 } });
    const [m1] = await waitFor(async () => {
      const keys = await startedBy(s.engine, startsId, 'msgStart');
      return keys.length ? keys : undefined;
    });
    await waitForActivation(s.engine, startsId, m1, 'task');
    await s.zbc.publishMessage({ name: startName, correlationKey: 'C', timeToLive: DAY, variables: { n: 2 } });
    expect(await startedBy(s.engine, startsId, 'msgStart')).toEqual([m1]);
    expect(await startedBy(s.engine, startsId, 'timerStart')).toEqual([]);

    // ---- restart #1 ----------------------------------------------------------------------------------------
    await s.restart(mode);

    // The pinned clock survived: the first record after the restart carries T, not the wall clock.
    expect(await probeTimestamp(s)).toBe(T);
    // nothing fired, nothing was correlated or started by the restart itself
    expect(await triggeredDueDates(s.engine, timerCatch.processDefinitionKey, 'wait')).toEqual([]);
    expect(await completions(s.engine, a1)).toBe(0);
    expect(await completions(s.engine, b1)).toBe(0);
    expect(await startedBy(s.engine, startsId, 'msgStart')).toEqual([m1]);
    expect(await startedBy(s.engine, startsId, 'timerStart')).toEqual([]);

    // the waiting catch subscription survived
    await s.zbc.publishMessage({ name: catchName, correlationKey: 'K1', timeToLive: 0, variables: { paid: 100 } });
    await waitForCompletion(s.engine, b1);
    expect(await rootVariables(s.engine, b1)).toEqual({ orderId: 'K1', paid: 100 });

    // the message buffered for K2 correlates when its instance is created
    const b2 = (await s.zbc.createProcessInstance({ bpmnProcessId: messageCatchId, variables: { orderId: 'K2' } }))
      .processInstanceKey;
    await waitForCompletion(s.engine, b2);
    expect(await rootVariables(s.engine, b2)).toEqual({ orderId: 'K2', late: true });

    // the buffered start message starts the next instance once M1 has ended, with its own variables
    const job1 = await activateJob(s.zbc, jobType);
    expect(job1.processInstanceKey).toBe(m1);
    expect(job1.variables).toEqual({ n: 1 });
    await s.zbc.completeJob({ jobKey: job1.key, variables: {} });
    await waitForCompletion(s.engine, m1);
    const job2 = await activateJob(s.zbc, jobType);
    expect(job2.variables).toEqual({ n: 2 });
    const m2 = job2.processInstanceKey;
    expect(await startedBy(s.engine, startsId, 'msgStart')).toEqual([m1, m2]);
    await s.zbc.completeJob({ jobKey: job2.key, variables: {} });
    await waitForCompletion(s.engine, m2);

    // ---- T+1h: the timers due then fire, never earlier ---------------------------------------------------
    await pinClock(s.engine, T + HOUR - 1);
    expect(await triggeredDueDates(s.engine, timerCatch.processDefinitionKey, 'wait')).toEqual([]);
    expect(await startedBy(s.engine, startsId, 'timerStart')).toEqual([]);
    await pinClock(s.engine, T + HOUR);
    await waitForCompletion(s.engine, a1);
    await waitFor(async () => (await startedBy(s.engine, startsId, 'timerStart')).length === 1, {
      description: 'the first timer-started instance',
    });
    expect(await triggeredDueDates(s.engine, timerCatch.processDefinitionKey, 'wait')).toEqual([T + HOUR]);

    // A2 waits for T+2h: it becomes due while the engine is down
    const a2 = (await s.zbc.createProcessInstance({ bpmnProcessId: timerCatchId, variables: {} })).processInstanceKey;
    await waitForActivation(s.engine, timerCatchId, a2, 'wait');

    // ---- restart #2, pinned to T+3h afterwards -----------------------------------------------------------
    await s.restart(mode);
    expect(await probeTimestamp(s)).toBe(T + HOUR);
    await pinClock(s.engine, T + 3 * HOUR);
    await waitForCompletion(s.engine, a2);
    await waitFor(async () => (await startedBy(s.engine, startsId, 'timerStart')).length === 3, {
      description: 'one timer-started instance per elapsed hour',
    });
    // one more round at the same time: nothing is due any more
    await pinClock(s.engine, T + 3 * HOUR);

    const timerStarted = await startedBy(s.engine, startsId, 'timerStart');
    expect(timerStarted).toHaveLength(3);
    expect(new Set(timerStarted).size).toBe(3);
    for (const key of timerStarted) await waitForCompletion(s.engine, key);
    expect(await triggeredDueDates(s.engine, starts.processDefinitionKey, 'timerStart')).toEqual([
      T + HOUR,
      T + 2 * HOUR,
      T + 3 * HOUR,
    ]);
    // each timer catch fired exactly once, at its due date, and each instance completed once
    expect(await triggeredDueDates(s.engine, timerCatch.processDefinitionKey, 'wait')).toEqual([
      T + HOUR,
      T + 2 * HOUR,
    ]);
    for (const key of [a1, a2, b1, b2, m1, m2]) expect(await completions(s.engine, key)).toBe(1);
    // the message-started instances are exactly M1 and M2: the buffered start message was used once
    expect(await startedBy(s.engine, startsId, 'msgStart')).toEqual([m1, m2]);

    // a reset clock stays reset across a restart: the wall clock again
    await resetClock(s.engine);
    await s.restart(mode);
    const before = Date.now();
    const probe = await probeTimestamp(s);
    expect(probe).toBeGreaterThanOrEqual(before - 1_000);
    expect(probe).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});
