import type { DirtyTracker } from './dirty-tracker';
import type { UserTask } from './entities';

/** Open user tasks (created, not yet completed or canceled). */
export class UserTaskStore {
  private readonly byKey = new Map<number, UserTask>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(task: UserTask): void {
    this.byKey.set(task.key, task);
  }

  put(task: UserTask): void {
    this.byKey.set(task.key, task);
    this.dirty.put('userTask', task.key, task);
  }

  remove(key: number): void {
    if (!this.byKey.delete(key)) return;
    this.dirty.delete('userTask', key);
  }

  get(key: number): UserTask | undefined {
    return this.byKey.get(key);
  }

  all(): Iterable<UserTask> {
    return this.byKey.values();
  }
}
