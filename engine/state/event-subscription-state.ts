import type { DirtyTracker } from './dirty-tracker';
import type { EventSubscription } from './event-entities';

/**
 * Open event subscriptions, indexed by owner, by message name and correlation key, by signal name, timers, and
 * conditionals by process instance.
 */
export class EventSubscriptionStore {
  private readonly byKey = new Map<number, EventSubscription>();
  private readonly byOwner = new Map<number, Set<number>>();
  private readonly byName = new Map<string, Set<number>>();
  private readonly timers = new Set<number>();
  private readonly conditionals = new Map<number, Set<number>>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(subscription: EventSubscription): void {
    this.index(subscription);
  }

  add(subscription: EventSubscription): void {
    this.index(subscription);
    this.dirty.create('subscription', subscription.key, subscription);
  }

  remove(key: number): void {
    if (this.unindex(key)) this.dirty.delete('subscription', key);
  }

  /** The same subscription (same key) changed, as after a migration. */
  replace(subscription: EventSubscription): void {
    this.unindex(subscription.key);
    this.index(subscription);
    this.dirty.put('subscription', subscription.key, subscription);
  }

  get(key: number): EventSubscription | undefined {
    return this.byKey.get(key);
  }

  ofOwner(elementInstanceKey: number): EventSubscription[] {
    return this.collect(this.byOwner.get(elementInstanceKey));
  }

  /** Message subscriptions of a name and correlation key, oldest first. */
  messages(name: string, correlationKey: string): EventSubscription[] {
    return this.collect(this.byName.get(`message\u0000${name}\u0000${correlationKey}`));
  }

  /** Message start-event subscriptions of a name (any correlation key). */
  messageStarts(name: string): EventSubscription[] {
    return this.collect(this.byName.get(`message-start\u0000${name}`));
  }

  signals(name: string): EventSubscription[] {
    return this.collect(this.byName.get(`signal\u0000${name}`));
  }

  timerSubscriptions(): EventSubscription[] {
    return this.collect(this.timers);
  }

  /** Conditional subscriptions of a process instance, oldest first. */
  conditionalsOf(processInstanceKey: number): EventSubscription[] {
    return this.collect(this.conditionals.get(processInstanceKey));
  }

  /** Whether a variable change in the process instance can trigger anything (asked on every variable write). */
  hasConditionals(processInstanceKey: number): boolean {
    return this.conditionals.has(processInstanceKey);
  }

  /** Start-event subscriptions of a process definition. */
  ofDefinitionStarts(processDefinitionKey: number): EventSubscription[] {
    return this.ofOwner(-1).filter((s) => s.processDefinitionKey === processDefinitionKey);
  }

  private collect(keys: Set<number> | undefined): EventSubscription[] {
    if (!keys) return [];
    return [...keys]
      .sort((a, b) => a - b)
      .map((key) => this.byKey.get(key)!)
      .filter(Boolean);
  }

  private unindex(key: number): boolean {
    const subscription = this.byKey.get(key);
    if (!subscription) return false;
    this.byKey.delete(key);
    this.byOwner.get(subscription.elementInstanceKey)?.delete(key);
    this.byName.get(nameKey(subscription))?.delete(key);
    this.timers.delete(key);
    const conditionals = this.conditionals.get(subscription.processInstanceKey);
    if (conditionals?.delete(key) && conditionals.size === 0) this.conditionals.delete(subscription.processInstanceKey);
    return true;
  }

  private index(subscription: EventSubscription): void {
    this.byKey.set(subscription.key, subscription);
    addTo(this.byOwner, subscription.elementInstanceKey, subscription.key);
    if (subscription.kind === 'timer') this.timers.add(subscription.key);
    else if (subscription.kind === 'conditional')
      addTo(this.conditionals, subscription.processInstanceKey, subscription.key);
    else addTo(this.byName, nameKey(subscription), subscription.key);
  }
}

function nameKey(subscription: EventSubscription): string {
  if (subscription.kind === 'signal') return `signal\u0000${subscription.name}`;
  if (subscription.kind === 'message') {
    return subscription.elementInstanceKey === -1
      ? `message-start\u0000${subscription.name}`
      : `message\u0000${subscription.name}\u0000${subscription.correlationKey}`;
  }
  return '';
}

function addTo<K>(map: Map<K, Set<number>>, key: K, value: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
