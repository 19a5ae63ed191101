import { EngineError } from '../../errors';

/** How long a caller waits for a user task's listeners before it is told so (the transition goes on). */
const TRANSITION_TIMEOUT_MS = 60_000;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Callers of assign, update and complete whose transition waits for task listeners (in memory only: after a
 * restart their connections are gone anyway). As in Zeebe, the call is answered when the transition ends: done,
 * or rejected when a listener denies it; past the timeout with DEADLINE_EXCEEDED (REST 504).
 */
export class TransitionWaiters {
  private readonly waiters = new Map<number, Waiter>();

  wait(userTaskKey: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(userTaskKey);
        reject(
          new EngineError(
            'DEADLINE_EXCEEDED',
            `The task listeners of user task '${userTaskKey}' did not finish within ${TRANSITION_TIMEOUT_MS} ms; the operation goes on`,
          ),
        );
      }, TRANSITION_TIMEOUT_MS);
      timer.unref();
      this.waiters.set(userTaskKey, { resolve, reject, timer });
    });
  }

  settle(userTaskKey: number, error?: Error): void {
    const waiter = this.waiters.get(userTaskKey);
    if (!waiter) return;
    this.waiters.delete(userTaskKey);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}
