import type { CommandContext } from '../command-context';

/** Pins the engine clock at an instant: a CLOCK PINNED event, kept as state so the pin outlives a restart. */
export function pinClockProcessor(ctx: CommandContext, command: { epochMs: number }): void {
  ctx.writer.append('CLOCK', 'PINNED', ctx.state.keys.next(), { time: command.epochMs });
}

/** Lets the engine clock follow the wall clock again. */
export function resetClockProcessor(ctx: CommandContext): void {
  ctx.writer.append('CLOCK', 'RESETTED', ctx.state.keys.next(), { time: Date.now() });
}
