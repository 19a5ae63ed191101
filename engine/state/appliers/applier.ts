import type { BookkeepingOf, IntentOf, RecordValueOf, ValueType } from '../../records/record-values';
import type { EngineState } from '../engine-state';

/** Turns one event into a state change; it gets the value its value type and intent carry. */
export type Applier<V extends ValueType, I extends IntentOf<V> = IntentOf<V>> = (
  state: EngineState,
  key: number,
  value: RecordValueOf<V, I>,
  bookkeeping: BookkeepingOf<V> | undefined,
) => void;

/** The appliers of one value type, by intent; an intent without one changes no state (it is only a record). */
export type ApplierTable<V extends ValueType> = { [I in IntentOf<V>]?: Applier<V, I> };

/** Appliers by value type. */
export type Appliers = { [V in ValueType]?: ApplierTable<V> };
