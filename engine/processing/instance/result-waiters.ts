import type { Variables } from '../../engine-api';

export interface ResultWaiter {
  resolve(variables: Variables): void;
  reject(error: Error): void;
}

/** CreateProcessInstanceWithResult calls waiting for their instance to complete (in memory only). */
export class ResultWaiters {
  private readonly waiters = new Map<number, ResultWaiter>();

  register(processInstanceKey: number, waiter: ResultWaiter): void {
    this.waiters.set(processInstanceKey, waiter);
  }

  take(processInstanceKey: number): ResultWaiter | undefined {
    const waiter = this.waiters.get(processInstanceKey);
    this.waiters.delete(processInstanceKey);
    return waiter;
  }
}
