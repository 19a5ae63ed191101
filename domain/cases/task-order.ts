/**
 * User tasks oldest first. Tasks created in the same millisecond (parallel branches, a called process's first
 * task, a pinned business clock) keep the engine's creation order: their keys grow as the engine creates them.
 */
export function byCreation(
  a: { createdAt: string; userTaskKey: string },
  b: { createdAt: string; userTaskKey: string },
) {
  const time = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (time !== 0) return time;
  const key = BigInt(a.userTaskKey) - BigInt(b.userTaskKey);
  return key === 0n ? 0 : key < 0n ? -1 : 1;
}
