import { appClock } from '../../lib/clock/app-clock';
import { FRESH_MS, recentFigures } from './recent-figures';

afterEach(async () => {
  jest.useRealTimers();
  await appClock.reset();
});

test('the same question within 30 s is answered from one computation, with when it was computed', async () => {
  jest.useFakeTimers({ now: Date.parse('2026-12-07T08:00:00Z') });
  let computed = 0;
  const compute = async () => ({ open: ++computed });
  const [first, second] = await Promise.all([recentFigures('backlog|A', compute), recentFigures('backlog|A', compute)]);
  expect(first).toEqual({ open: 1, asOf: '2026-12-07T08:00:00.000Z' });
  expect(second).toBe(first);
  jest.advanceTimersByTime(FRESH_MS - 1);
  expect(await recentFigures('backlog|A', compute)).toBe(first);
  // Another question is computed on its own.
  expect(await recentFigures('backlog|B', compute)).toEqual({ open: 2, asOf: '2026-12-07T08:00:29.999Z' });
  jest.advanceTimersByTime(1);
  expect(await recentFigures('backlog|A', compute)).toEqual({ open: 3, asOf: '2026-12-07T08:00:30.000Z' });
});

test('moving the clock forgets the answers; a failure is not kept', async () => {
  jest.useFakeTimers({ now: Date.parse('2026-12-07T08:00:00Z') });
  let computed = 0;
  const compute = async () => ({ open: ++computed });
  expect((await recentFigures('steps|A', compute)).open).toBe(1);
  await appClock.pin(Date.parse('2026-03-02T01:00:00Z'));
  expect(await recentFigures('steps|A', compute)).toEqual({ open: 2, asOf: '2026-03-02T01:00:00.000Z' });
  await expect(recentFigures('steps|C', () => Promise.reject(new Error('engine unreachable')))).rejects.toThrow(
    'engine unreachable',
  );
  expect(await recentFigures('steps|C', compute)).toEqual({ open: 3, asOf: '2026-03-02T01:00:00.000Z' });
});

test('an answer that took long is kept ten times as long as it took', async () => {
  jest.useFakeTimers({ now: Date.parse('2026-12-07T08:00:00Z') });
  let computed = 0;
  const slow = () => new Promise<{ open: number }>((resolve) => setTimeout(() => resolve({ open: ++computed }), 5_000));
  const first = recentFigures('steps|slow', slow);
  await jest.advanceTimersByTimeAsync(5_000);
  expect(await first).toEqual({ open: 1, asOf: '2026-12-07T08:00:00.000Z' });
  await jest.advanceTimersByTimeAsync(44_999);
  expect(await recentFigures('steps|slow', slow)).toBe(await first);
  await jest.advanceTimersByTimeAsync(1);
  const again = recentFigures('steps|slow', slow);
  await jest.advanceTimersByTimeAsync(5_000);
  expect(await again).toEqual({ open: 2, asOf: '2026-12-07T08:00:50.000Z' });
});
