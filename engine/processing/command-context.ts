import type { BpmnContext } from './bpmn/bpmn-context';
import type { JobWaiters } from './job/job-waiters';
import type { ResultWaiters } from './instance/result-waiters';
import type { TransitionWaiters } from './user-task/transition-waiters';

/** What a command processor works with: the BPMN context plus the in-memory registries of waiting callers. */
export interface CommandContext extends BpmnContext {
  readonly jobWaiters: JobWaiters;
  readonly resultWaiters: ResultWaiters;
  /** Callers of user-task operations waiting for the task listeners. */
  readonly transitionWaiters: TransitionWaiters;
  /** Runs once the batch is durable (answers to waiting callers, pushes to job streams). */
  afterCommit(action: () => void): void;
}

/** A command's processor: validates (throwing EngineError before writing anything), writes events, answers. */
export type CommandProcessor<C, R> = (ctx: CommandContext, command: C) => R;
