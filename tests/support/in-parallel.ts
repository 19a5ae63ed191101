/** Seeding in bulk: runs `work(n)` for n = 0 … count − 1, `inFlight` at a time (the engine takes many starts at once). */
export async function inParallel(count: number, work: (n: number) => Promise<unknown>, inFlight = 32): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
