import type { EngineState } from '../../state/engine-state';
import type { EventSubscription } from '../../state/event-entities';
import { triggerSubscription } from '../bpmn/behavior/event-trigger-behavior';
import { nextDueDate } from '../bpmn/behavior/timer-behavior';
import type { CommandProcessor } from '../command-context';
import { hasDueJobs, triggerDueJobs } from '../job/update-job-processors';

/**
 * Everything that happens because time passed on the engine clock: jobs whose deadline or back-off ended,
 * timers that are due (in due order; a cycle is scheduled again while its owner waits), messages whose time to
 * live ended. Timers never fire early.
 */
export const triggerDueProcessor: CommandProcessor<unknown, void> = (ctx) => {
  const now = ctx.now();
  triggerDueJobs(ctx);
  const due = ctx.state.subscriptions
    .timerSubscriptions()
    .filter((t) => t.dueDate! <= now)
    .sort((a, b) => a.dueDate! - b.dueDate!);
  for (const timer of due) {
    if (!ctx.state.subscriptions.get(timer.key)) continue; // closed by an earlier timer of this round
    const { key, ...value } = timer;
    ctx.writer.append('TIMER', 'TRIGGERED', key, value);
    triggerSubscription(ctx, timer, {});
    rescheduleCycle(ctx, timer);
  }
  for (const message of [...ctx.state.messages.all()]) {
    if (message.deadline <= now) ctx.writer.append('MESSAGE', 'EXPIRED', message.key, { ...message });
  }
};

function rescheduleCycle(ctx: Parameters<typeof triggerDueProcessor>[0], timer: EventSubscription): void {
  const next = nextDueDate({
    dueDate: timer.dueDate!,
    repetitions: timer.repetitions!,
    interval: timer.interval,
    cron: timer.cron,
  });
  if (next === undefined) return;
  const ownerWaits =
    timer.elementInstanceKey === -1 ||
    ctx.state.elementInstances.get(timer.elementInstanceKey)?.state === 'ELEMENT_ACTIVATED';
  if (!ownerWaits) return;
  const { key: _key, ...value } = timer;
  ctx.writer.append('TIMER', 'CREATED', ctx.state.keys.next(), {
    ...value,
    dueDate: next,
    repetitions: timer.repetitions === -1 ? -1 : timer.repetitions! - 1,
  });
}

/** Whether anything is due at `now` (checked outside the writer, to decide whether to send TRIGGER_DUE). */
export function hasDue(state: EngineState, now: number): boolean {
  if (hasDueJobs({ state }, now)) return true;
  for (const timer of state.subscriptions.timerSubscriptions()) if (timer.dueDate! <= now) return true;
  for (const message of state.messages.all()) if (message.deadline <= now) return true;
  return false;
}
