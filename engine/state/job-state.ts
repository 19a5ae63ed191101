import type { DirtyTracker } from './dirty-tracker';
import type { Job } from './entities';

/**
 * Jobs, with an index of the activatable ones per type (in creation order, so workers get the oldest first) and
 * of the ones waiting on a deadline or a back-off, for the scheduler.
 */
export class JobStore {
  private readonly byKey = new Map<number, Job>();
  private readonly activatableByType = new Map<string, Set<number>>();
  private readonly activated = new Set<number>();
  private readonly backingOff = new Set<number>();
  /** Listener jobs by the element instance they belong to: at most one runs per instance at a time. */
  private readonly listenerByInstance = new Map<number, number>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(job: Job): void {
    this.byKey.set(job.key, job);
    this.index(job);
  }

  get(key: number): Job | undefined {
    return this.byKey.get(key);
  }

  /** Stores a new or changed job and re-indexes it. */
  put(job: Job): void {
    const isNew = !this.byKey.has(job.key);
    this.unindex(job.key);
    this.byKey.set(job.key, job);
    this.index(job);
    if (isNew) this.dirty.create('job', job.key, job);
    else this.dirty.put('job', job.key, job);
  }

  remove(key: number): void {
    this.unindex(key);
    this.byKey.delete(key);
    this.dirty.delete('job', key);
  }

  activatable(type: string): Iterable<number> {
    return this.activatableByType.get(type) ?? [];
  }

  hasActivatable(type: string): boolean {
    return (this.activatableByType.get(type)?.size ?? 0) > 0;
  }

  /** The execution or task listener job an element instance waits for, if any. */
  listenerJobOf(elementInstanceKey: number): Job | undefined {
    const key = this.listenerByInstance.get(elementInstanceKey);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  activatedJobs(): Iterable<number> {
    return this.activated;
  }

  backingOffJobs(): Iterable<number> {
    return this.backingOff;
  }

  private index(job: Job): void {
    if (job.kind && job.kind !== 'BPMN_ELEMENT') this.listenerByInstance.set(job.elementInstanceKey, job.key);
    if (job.state === 'ACTIVATABLE') {
      let set = this.activatableByType.get(job.type);
      if (!set) this.activatableByType.set(job.type, (set = new Set()));
      set.add(job.key);
    } else if (job.state === 'ACTIVATED') {
      this.activated.add(job.key);
    } else if (job.state === 'FAILED' && job.retries > 0 && job.recurringAt > 0) {
      this.backingOff.add(job.key);
    }
  }

  private unindex(key: number): void {
    const job = this.byKey.get(key);
    if (!job) return;
    if (this.listenerByInstance.get(job.elementInstanceKey) === key)
      this.listenerByInstance.delete(job.elementInstanceKey);
    this.activatableByType.get(job.type)?.delete(key);
    this.activated.delete(key);
    this.backingOff.delete(key);
  }
}
