/**
 * An in-process engine for processor tests: given a deployed model, when a command is written, then these records
 * were committed. The engine is the real one (stream processor, appliers, SQLite storage), in memory and on a
 * pinned clock, without gRPC or REST; the records are read back from its storage, in the order they were written.
 * The out-of-process tests (gRPC, REST, crashes) stay where they are: this harness is for the processors' rules.
 */
import { Engine } from '../../../engine/engine';
import type { ActivatedJob, CreatedInstance } from '../../../engine/engine-api';
import { createStorage } from '../../../engine/storage/create-storage';
import type { EngineStorage } from '../../../engine/storage/engine-storage';

/** The clock the harness starts on: a fixed instant, so that records' timestamps and due dates are predictable. */
export const HARNESS_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A committed record, its value parsed. */
export interface LoggedRecord {
  position: number;
  key: number;
  valueType: string;
  intent: string;
  processInstanceKey: number | null;
  timestamp: number;
  value: Record<string, unknown>;
}

/** Records of one log, with the selections processor tests ask for. */
export class RecordLog {
  constructor(readonly records: LoggedRecord[]) {}

  /** The records written after a position (see EngineHarness.position). */
  after(position: number): RecordLog {
    return new RecordLog(this.records.filter((r) => r.position > position));
  }

  ofInstance(processInstanceKey: number): RecordLog {
    return new RecordLog(this.records.filter((r) => r.processInstanceKey === processInstanceKey));
  }

  ofType(valueType: string): RecordLog {
    return new RecordLog(this.records.filter((r) => r.valueType === valueType));
  }

  withIntent(intent: string): RecordLog {
    return new RecordLog(this.records.filter((r) => r.intent === intent));
  }

  /** PROCESS_INSTANCE records as `elementId intent`, in order: the path an instance took. */
  elementTransitions(): string[] {
    return this.ofType('PROCESS_INSTANCE').records.map((r) => `${String(r.value.elementId)} ${r.intent}`);
  }

  /** `valueType intent` of each record, in order. */
  summary(): string[] {
    return this.records.map((r) => `${r.valueType} ${r.intent}`);
  }

  first(): LoggedRecord {
    const record = this.records[0];
    if (!record) throw new Error('expected a record, but the selection is empty');
    return record;
  }
}

export class EngineHarness {
  private fatal: Error | undefined;
  readonly engine: Engine;

  private constructor(private readonly storage: EngineStorage) {
    this.engine = new Engine(storage, {
      maxQueuedCommands: 1000,
      defaultLongPollMs: 100,
      onFatal: (error) => (this.fatal = error),
    });
  }

  /** A fresh engine on a private in-memory SQLite database, its clock pinned at HARNESS_EPOCH. */
  static async start(): Promise<EngineHarness> {
    const harness = new EngineHarness(createStorage('sqlite::memory:'));
    await harness.engine.start();
    await harness.engine.pinClock(HARNESS_EPOCH);
    return harness;
  }

  async stop(): Promise<void> {
    await this.engine.stop();
    if (this.fatal) throw this.fatal;
  }

  // --- given ---

  /** Deploys BPMN XML; answers the process definition key of its (first) process. */
  async deploy(xml: string, name = 'model.bpmn'): Promise<number> {
    const result = await this.engine.deployResources([{ name, content: Buffer.from(xml) }]);
    return result.processes[0].processDefinitionKey;
  }

  // --- when ---

  createInstance(bpmnProcessId: string, variables: Record<string, unknown> = {}): Promise<CreatedInstance> {
    return this.engine.createProcessInstance({ bpmnProcessId, variables });
  }

  /** Activates one job of the type, as a worker would; fails when there is none. */
  async activateJob(type: string): Promise<ActivatedJob> {
    const jobs = await this.engine.activateJobs({
      type,
      worker: 'harness',
      timeout: 60_000,
      maxJobsToActivate: 1,
      requestTimeout: -1,
    });
    if (jobs.length === 0) throw new Error(`expected a job of type '${type}' to activate, but there is none`);
    return jobs[0];
  }

  /** Moves the pinned clock forward; what became due (timers, job deadlines) is processed before this resolves. */
  async advanceClock(ms: number): Promise<void> {
    await this.engine.pinClock(this.engine.now() + ms);
  }

  // --- then ---

  /** The position of the last committed record: mark it before a `when` to see only what that wrote. */
  async position(): Promise<number> {
    return (await this.log()).records.at(-1)?.position ?? 0;
  }

  /** Every committed record, in the order written. */
  async log(): Promise<RecordLog> {
    if (this.fatal) throw this.fatal;
    const records: LoggedRecord[] = [];
    for (;;) {
      const page = await this.storage.readRecords(records.length ? records[records.length - 1].position : 0, 1000);
      for (const row of page) records.push({ ...row, value: JSON.parse(row.value) as Record<string, unknown> });
      if (page.length < 1000) return new RecordLog(records);
    }
  }
}

/** One harness per test: started before each, stopped after each. */
export function useEngineHarness(): { readonly current: EngineHarness } {
  const holder = {} as { current: EngineHarness };
  beforeEach(async () => {
    holder.current = await EngineHarness.start();
  });
  afterEach(async () => {
    await holder.current?.stop();
  });
  return holder;
}

/** A BPMN definitions document around one executable process. */
export function bpmnProcess(id: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  targetNamespace="http://bpmn.io/schema/bpmn" id="${id}-definitions">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}
