import type { Appliers } from './applier';

/** The engine clock's pin (PUT /v2/clock, POST /v2/clock/reset). */
export const clockAppliers: Appliers = {
  CLOCK: {
    PINNED: (state, _key, value) => state.clock.pin(value.time),
    RESETTED: (state) => state.clock.reset(),
  },
};
