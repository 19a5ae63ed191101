import type { DirtyTracker } from './dirty-tracker';
import type { BufferedMessage } from './event-entities';

/**
 * Buffered messages (published with a time to live), by name and correlation key in publishing order; and which
 * process instances were started by a message start event with which correlation key (one at a time per key).
 */
export class MessageStore {
  private readonly byKey = new Map<number, BufferedMessage>();
  private readonly byCorrelation = new Map<string, number[]>();
  private readonly startedInstances = new Map<string, number>();
  private readonly startKeyOfInstance = new Map<number, string>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(message: BufferedMessage): void {
    this.index(message);
  }

  loadStartedInstance(key: string, processInstanceKey: number): void {
    this.startedInstances.set(key, processInstanceKey);
    this.startKeyOfInstance.set(processInstanceKey, key);
  }

  put(message: BufferedMessage): void {
    if (!this.byKey.has(message.key)) this.index(message);
    else this.byKey.set(message.key, message);
    this.dirty.put('message', message.key, message);
  }

  remove(key: number): void {
    const message = this.byKey.get(key);
    if (!message) return;
    this.byKey.delete(key);
    const id = correlationId(message.name, message.correlationKey);
    const list = (this.byCorrelation.get(id) ?? []).filter((k) => k !== key);
    if (list.length) this.byCorrelation.set(id, list);
    else this.byCorrelation.delete(id);
    this.dirty.delete('message', key);
  }

  get(key: number): BufferedMessage | undefined {
    return this.byKey.get(key);
  }

  /** Buffered messages of a name and correlation key, oldest first. */
  matching(name: string, correlationKey: string): BufferedMessage[] {
    return (this.byCorrelation.get(correlationId(name, correlationKey)) ?? []).map((k) => this.byKey.get(k)!);
  }

  /** Buffered messages of a name (any key), oldest first: for message start events. */
  named(name: string): BufferedMessage[] {
    return [...this.byKey.values()].filter((m) => m.name === name).sort((a, b) => a.key - b.key);
  }

  all(): Iterable<BufferedMessage> {
    return this.byKey.values();
  }

  /** The running instance that a message start event started for this process id and correlation key. */
  startedInstance(bpmnProcessId: string, correlationKey: string): number | undefined {
    return this.startedInstances.get(`${bpmnProcessId}\u0000${correlationKey}`);
  }

  markStarted(bpmnProcessId: string, correlationKey: string, processInstanceKey: number): void {
    const key = `${bpmnProcessId}\u0000${correlationKey}`;
    this.loadStartedInstance(key, processInstanceKey);
    this.dirty.put('messageStart', key, processInstanceKey);
  }

  /** The correlation key a running instance holds because a message start event started it. */
  heldCorrelationKey(processInstanceKey: number): string | undefined {
    return this.startKeyOfInstance.get(processInstanceKey)?.split('\u0000')[1];
  }

  /** Called when a process instance ends; returns the (process id, key) it held, if any. */
  instanceEnded(processInstanceKey: number): string | undefined {
    const key = this.startKeyOfInstance.get(processInstanceKey);
    if (key === undefined) return undefined;
    this.startKeyOfInstance.delete(processInstanceKey);
    this.startedInstances.delete(key);
    this.dirty.delete('messageStart', key);
    return key;
  }

  private index(message: BufferedMessage): void {
    this.byKey.set(message.key, message);
    const id = correlationId(message.name, message.correlationKey);
    const list = this.byCorrelation.get(id) ?? [];
    list.push(message.key);
    this.byCorrelation.set(id, list);
  }
}

function correlationId(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}
