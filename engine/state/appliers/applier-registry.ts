import type { BookkeepingOf, IntentOf, RecordValueOf, ValueType } from '../../records/record-values';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';
import { clockAppliers } from './clock-appliers';
import { deploymentAppliers } from './deployment-appliers';
import { eventAppliers } from './event-appliers';
import { incidentAppliers } from './incident-appliers';
import { jobAppliers } from './job-appliers';
import { processInstanceAppliers } from './process-instance-appliers';
import { resourceAppliers } from './resource-appliers';
import { userTaskAppliers } from './user-task-appliers';
import { variableAppliers } from './variable-appliers';

/** An applier once its value type and intent have chosen it (the table's types made sure it fits). */
type ChosenApplier = (state: EngineState, key: number, value: unknown, bookkeeping: unknown) => void;

const all: Appliers = {
  ...deploymentAppliers,
  ...processInstanceAppliers,
  ...jobAppliers,
  ...variableAppliers,
  ...incidentAppliers,
  ...eventAppliers,
  ...resourceAppliers,
  ...userTaskAppliers,
  ...clockAppliers,
};
const registry = new Map<string, ChosenApplier>();
for (const [valueType, table] of Object.entries(all)) {
  for (const [intent, applier] of Object.entries(table)) {
    registry.set(`${valueType}:${intent}`, applier as ChosenApplier);
  }
}

/** Applies an event; events without a registered applier change no state (they are only records). */
export function applyEvent<V extends ValueType, I extends IntentOf<V>>(
  state: EngineState,
  valueType: V,
  intent: I,
  key: number,
  value: RecordValueOf<V, I>,
  bookkeeping?: BookkeepingOf<V>,
): void {
  registry.get(`${valueType}:${intent}`)?.(state, key, value, bookkeeping);
}
