/**
 * The engine's own clock. Everything time-based (job deadlines, back-offs, record timestamps, timers) reads it, so
 * that tests can pin it (REST /v2/clock) instead of sleeping. The pin itself is state (`ClockState`), changed only by
 * the single writer's clock commands, so it is durable and survives a restart.
 */
export class EngineClock {
  constructor(private readonly pin: { pinnedAt(): number | undefined }) {}

  now(): number {
    return this.pin.pinnedAt() ?? Date.now();
  }
}
