/**
 * Record timestamps (createdAt, updatedAt) come from the application's clock, like case numbers and due dates: a
 * record made while the clock is pinned (PUT /api/admin/clock) carries the pinned day. Sequelize takes a timestamp
 * attribute's default value, when it has one, wherever it stamps a row (create, save, update, upsert, bulkCreate).
 */
import type { Model, ModelStatic, Options } from 'sequelize';
import { appClock } from '../lib/clock/app-clock';

function stampWithAppClock(model: ModelStatic<Model>): void {
  const attributes = model.getAttributes() as Record<string, { defaultValue?: unknown }>;
  // Sequelize's own record of the timestamp attributes' names (they may be renamed or turned off per model), and
  // its rebuild of the defaults it keeps per model; both are left out of its typings.
  const internals = model as unknown as { _timestampAttributes: Record<string, string>; refreshAttributes(): void };
  const { createdAt, updatedAt } = internals._timestampAttributes;
  let changed = false;
  for (const name of [createdAt, updatedAt]) {
    if (name && attributes[name] && attributes[name].defaultValue === undefined) {
      attributes[name].defaultValue = () => appClock.now();
      changed = true;
    }
  }
  if (changed) internals.refreshAttributes();
}

/** The global hook to give `new Sequelize(...)`: every model defined on it stamps with the app clock. */
export const appClockTimestampHooks: Options['hooks'] = { afterDefine: stampWithAppClock };
