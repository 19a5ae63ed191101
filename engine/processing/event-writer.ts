import type { EngineState } from '../state/engine-state';
import { applyEvent } from '../state/appliers/applier-registry';
import type { EngineRecord, ValueType } from './records';

/**
 * Processors write events here. Each event is applied to the state at once (so the rest of the batch sees it)
 * and kept for the batch's commit. `bookkeeping` carries internal facts an applier needs that are not part of
 * the public record (such as how many tokens a joining gateway consumes).
 */
export class EventWriter {
  private records: EngineRecord[] = [];

  constructor(
    private readonly state: EngineState,
    private readonly now: () => number,
  ) {}

  append(
    valueType: ValueType,
    intent: string,
    key: number,
    value: Record<string, unknown>,
    bookkeeping?: Record<string, unknown>,
  ): void {
    const processInstanceKey = typeof value.processInstanceKey === 'number' ? value.processInstanceKey : null;
    applyEvent(this.state, valueType, intent, key, value, bookkeeping);
    this.records.push({ key, valueType, intent, processInstanceKey, timestamp: this.now(), value });
  }

  /** The events written since the last drain. */
  drain(): EngineRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }
}
