import type { EngineState } from '../engine-state';
import { deploymentAppliers } from './deployment-appliers';
import { eventAppliers } from './event-appliers';
import { incidentAppliers } from './incident-appliers';
import { jobAppliers } from './job-appliers';
import { processInstanceAppliers } from './process-instance-appliers';
import { resourceAppliers } from './resource-appliers';
import { userTaskAppliers } from './user-task-appliers';
import { variableAppliers } from './variable-appliers';

/** Turns one event into a state change. Bookkeeping: internal facts that are not part of the public record. */
export type Applier = (
  state: EngineState,
  key: number,
  value: Record<string, unknown>,
  bookkeeping: Record<string, unknown> | undefined,
) => void;

export type ApplierTable = Record<string, Applier>;

const registry = new Map<string, Applier>();
for (const [valueType, table] of Object.entries({
  ...deploymentAppliers,
  ...processInstanceAppliers,
  ...jobAppliers,
  ...variableAppliers,
  ...incidentAppliers,
  ...eventAppliers,
  ...resourceAppliers,
  ...userTaskAppliers,
})) {
  for (const [intent, applier] of Object.entries(table)) registry.set(`${valueType}:${intent}`, applier);
}

/** Applies an event; events without a registered applier change no state (they are only records). */
export function applyEvent(
  state: EngineState,
  valueType: string,
  intent: string,
  key: number,
  value: Record<string, unknown>,
  bookkeeping?: Record<string, unknown>,
): void {
  registry.get(`${valueType}:${intent}`)?.(state, key, value, bookkeeping);
}
