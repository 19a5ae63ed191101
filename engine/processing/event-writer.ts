import type { EngineState } from '../state/engine-state';
import { applyEvent } from '../state/appliers/applier-registry';
import type { AnyRecordValue, BookkeepingOf, IntentOf, RecordValueOf, ValueType } from '../records/record-values';
import type { EngineRecord } from './records';

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

  /** Writes an event: its value type decides which intents and which value it takes. */
  append<V extends ValueType, I extends IntentOf<V>>(
    valueType: V,
    intent: I,
    key: number,
    value: RecordValueOf<V, I>,
    bookkeeping?: BookkeepingOf<V>,
  ): void {
    const instanceKey = (value as { processInstanceKey?: unknown }).processInstanceKey;
    const processInstanceKey = typeof instanceKey === 'number' ? instanceKey : null;
    applyEvent(this.state, valueType, intent, key, value, bookkeeping);
    // `value` fits `valueType` and `intent` by the signature; the batch's list holds records of every type.
    const record = {
      key,
      valueType,
      intent,
      processInstanceKey,
      timestamp: this.now(),
      value: value as AnyRecordValue,
    };
    this.records.push(record);
  }

  /** The events written since the last drain. */
  drain(): EngineRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }
}
