import { EngineError } from '../errors';
import type { EngineClock } from '../clock/engine-clock';
import type { Variables } from '../engine-api';
import type { EngineState } from '../state/engine-state';
import type { CommitBatch, EngineStorage, RecordRow } from '../storage/engine-storage';
import { isOutOfSpace } from '../storage/out-of-space';
import { processFollowUp } from './bpmn/follow-up-processor';
import { processorFor } from './bpmn/processor-registry';
import type { BpmnCommand } from './bpmn/bpmn-context';
import type { Command } from './commands';
import type { CommandContext } from './command-context';
import { processCommand } from './command-registry';
import { EventWriter } from './event-writer';
import { TransitionWaiters } from './user-task/transition-waiters';
import type { ResultWaiters } from './instance/result-waiters';
import { startInstance } from './instance/start-instance';
import { dispatchJobs } from './job/job-dispatch';
import type { JobWaiters } from './job/job-waiters';
import { startFromBuffer } from './message/message-correlation';
import { toRecordRow } from './records';
import type { EngineMetrics } from '../metrics/engine-metrics';

interface Pending {
  command: Command;
  /** performance.now() when the command was received: its latency runs until its batch is durable. */
  receivedAt: number;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** Commands per batch: enough to amortise a durable commit, few enough to answer quickly. */
const MAX_BATCH = 500;
/** How often a commit held for want of disk space is tried again. */
const OUT_OF_SPACE_RETRY_MS = 1000;

/**
 * The single writer. Commands queue up; each round takes what is queued, processes it (with all follow-ups) in
 * memory, commits the batch's records and state changes in one transaction, and only then answers the callers.
 * Commands that arrive during a commit form the next batch (group commit).
 */
export class StreamProcessor {
  private readonly queue: Pending[] = [];
  private running = false;
  private position = 0;
  private readonly writer: EventWriter;
  private readonly transitionWaiters = new TransitionWaiters();
  /**
   * Set while a commit is held because the database's disk is full (docs/decisions/0059): the batch stays in memory
   * and is committed once space returns; meanwhile every new command is refused, nothing else is applied.
   */
  private outOfSpace: Error | undefined;

  constructor(
    private readonly state: EngineState,
    private readonly storage: EngineStorage,
    private readonly clock: EngineClock,
    private readonly jobWaiters: JobWaiters,
    private readonly resultWaiters: ResultWaiters,
    private readonly options: {
      maxQueuedCommands: number;
      onFatal(error: Error): void;
      /** Hears each batch's records once they are durable (the query exporter). */
      onCommitted?(records: RecordRow[]): void;
      metrics?: EngineMetrics;
    },
  ) {
    this.writer = new EventWriter(state, () => clock.now());
  }

  async start(): Promise<void> {
    this.position = await this.storage.lastPosition();
  }

  queued(): number {
    return this.queue.length;
  }

  /** The reason commands are refused while the disk is full, or undefined. */
  diskFull(): string | undefined {
    return this.outOfSpace?.message;
  }

  submit<R>(command: Command): Promise<R> {
    this.options.metrics?.commandReceived(command.type);
    if (this.outOfSpace) {
      this.options.metrics?.commandDropped(command.type);
      return Promise.reject(
        new EngineError(
          'RESOURCE_EXHAUSTED',
          `The engine cannot write its data: the disk of its database is full (${this.outOfSpace.message}). ` +
            'The command was not applied; retry once space has been freed',
        ),
      );
    }
    if (this.queue.length >= this.options.maxQueuedCommands) {
      this.options.metrics?.commandDropped(command.type);
      return Promise.reject(
        new EngineError('RESOURCE_EXHAUSTED', `The engine's command queue is full (${this.queue.length}); retry later`),
      );
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ command, receivedAt: performance.now(), resolve: resolve as (r: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.run());
      }
    });
  }

  private async run(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.processBatch(this.queue.splice(0, MAX_BATCH));
    } catch (error) {
      this.options.onFatal(error as Error);
    } finally {
      this.running = false;
    }
  }

  private async processBatch(batch: Pending[]): Promise<void> {
    const followUps: BpmnCommand[] = [];
    const afterCommit: Array<() => void> = [];
    const ctx: CommandContext = {
      state: this.state,
      writer: this.writer,
      now: () => this.clock.now(),
      followUp: (command) => followUps.push(command),
      effects: {
        jobTypesAvailable: new Set(),
        completedInstances: new Map(),
        terminatedInstances: new Set(),
        endedTransitions: new Map(),
      },
      inFlight: new Map(),
      startInstructions: new Map(),
      pendingTriggers: new Map(),
      pendingCompensations: new Map(),
      pendingLoopVariables: new Map(),
      pendingConditions: { opened: [], changes: new Map() },
      termination: { byModification: false },
      jobWaiters: this.jobWaiters,
      resultWaiters: this.resultWaiters,
      transitionWaiters: this.transitionWaiters,
      afterCommit: (action) => afterCommit.push(action),
      // The lookups the behaviours reach through the context, wired here once (docs/decisions/0015).
      processorFor,
      startInstance: (definition, options) => startInstance(ctx, definition, options),
      startFromBuffer: (bpmnProcessId, correlationKey) => startFromBuffer(ctx, bpmnProcessId, correlationKey),
    };
    const answers: Array<() => void> = [];
    let dispatchAll = false;
    for (const pending of batch) {
      try {
        const result = processCommand(ctx, pending.command);
        for (let i = 0; i < followUps.length; i++) processFollowUp(ctx, followUps[i]);
        answers.push(() => pending.resolve(result));
        if (pending.command.type === 'DISPATCH_JOBS') dispatchAll = true;
      } catch (error) {
        if (!(error instanceof EngineError))
          console.error('engine: unexpected error processing', pending.command.type, error);
        const engineError =
          error instanceof EngineError
            ? error
            : new EngineError('INTERNAL', `Internal error: ${(error as Error).message}`);
        answers.push(() => pending.reject(engineError));
      } finally {
        followUps.length = 0;
        // A rejected command leaves nothing for the next one to evaluate.
        ctx.pendingConditions.opened = [];
        ctx.pendingConditions.changes.clear();
      }
    }
    const types = dispatchAll ? this.jobWaiters.waitingTypes() : ctx.effects.jobTypesAvailable;
    dispatchJobs(ctx, types, (jobKey) => void this.submit({ type: 'YIELD_JOB', jobKey }).catch(() => undefined));

    const records = this.writer.drain();
    const { puts, deletes } = this.state.dirty.drain();
    if (records.length || puts.length || deletes.length) {
      const rows = records.map((record) => toRecordRow(++this.position, record));
      await this.commit({ records: rows, puts, deletes });
      this.options.onCommitted?.(rows);
    }
    if (this.options.metrics) {
      const now = performance.now();
      this.options.metrics.batchCommitted(
        batch.map((pending) => now - pending.receivedAt),
        records,
      );
    }
    for (const answer of answers) answer();
    for (const action of afterCommit) action();
    for (const [userTaskKey, error] of ctx.effects.endedTransitions) this.transitionWaiters.settle(userTaskKey, error);
    // Result waiters hear of their instance only after the answers above have settled: an instance that runs
    // through in its creation batch must not be reported before its creation is.
    const { completedInstances, terminatedInstances } = ctx.effects;
    if (completedInstances.size || terminatedInstances.size)
      setImmediate(() => this.notifyResultWaiters(completedInstances, terminatedInstances));
  }

  /**
   * Commits the batch. A commit that fails for want of disk space changed nothing on disk: it is tried again every
   * second until it succeeds, new commands being refused meanwhile; any other failure is fatal (decision 0002).
   */
  private async commit(batch: CommitBatch): Promise<void> {
    for (;;) {
      try {
        await this.storage.commit(batch);
        if (this.outOfSpace)
          console.error('engine: disk space is back, the held batch is committed; accepting commands');
        this.outOfSpace = undefined;
        return;
      } catch (error) {
        if (!isOutOfSpace(error)) throw error;
        if (!this.outOfSpace)
          console.error(
            `engine: the database's disk is full (${(error as Error).message}); refusing commands with ` +
              'RESOURCE_EXHAUSTED and retrying the batch every second until space returns',
          );
        this.outOfSpace = error as Error;
        await new Promise((resolve) => setTimeout(resolve, OUT_OF_SPACE_RETRY_MS));
      }
    }
  }

  private notifyResultWaiters(completed: Map<number, Variables>, terminated: Set<number>): void {
    for (const [key, variables] of completed) this.resultWaiters.take(key)?.resolve(variables);
    for (const key of terminated) {
      this.resultWaiters
        .take(key)
        ?.reject(
          new EngineError('FAILED_PRECONDITION', `Process instance '${key}' was terminated before it completed`),
        );
    }
  }
}
