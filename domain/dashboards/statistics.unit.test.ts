import { countBy, groupedBy, mean, percentile, share } from './statistics';

test('the 90th percentile is the nearest rank: a value that occurred', () => {
  const tenValues = [5, 1, 9, 3, 7, 2, 10, 4, 8, 6];
  expect(percentile(tenValues, 90)).toBe(9);
  expect(percentile([4, 2], 90)).toBe(4);
  expect(percentile([3], 90)).toBe(3);
  expect(percentile([], 90)).toBeNull();
});

test('mean and share are null when nothing is counted', () => {
  expect(mean([1, 2, 6])).toBe(3);
  expect(mean([])).toBeNull();
  expect(share(1, 4)).toBe(0.25);
  expect(share(0, 0)).toBeNull();
});

test('counts by key, in key order', () => {
  expect(countBy(['b', 'a', 'b'], (x) => x)).toEqual([
    { key: 'a', count: 1 },
    { key: 'b', count: 2 },
  ]);
});

test('grouping keeps each group in the items’ order', () => {
  const grouped = groupedBy(['a1', 'b1', 'a2', 'c1', 'b2'], (item) => item[0]);
  expect([...grouped]).toEqual([
    ['a', ['a1', 'a2']],
    ['b', ['b1', 'b2']],
    ['c', ['c1']],
  ]);
});
