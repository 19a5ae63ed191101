import { capacityDays, type LedgerRecord } from './capacity-days';

let id = 0;
const record = (
  applicationNo: string,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  effectiveOn: string,
): LedgerRecord => ({
  id: (id += 1),
  applicationNo,
  field,
  oldValue,
  newValue,
  effectiveOn,
});

test('no records: the whole capacity all month', () => {
  expect(capacityDays('2026-03', 1250, [])).toEqual({ capacityKva: 1250, capacityOff: [] });
});

test('one 630 kVA transformer of 1,250 suspended on 03-12 and resumed 04-02: 20 days in March, 1 in April', () => {
  const records = [
    record('BG1', 'suspendedKva', null, '630', '2026-03-12'),
    record('BG1', 'status', 'active', 'suspended', '2026-03-12'),
    record('BG2', 'status', 'suspended', 'active', '2026-04-02'),
  ];
  expect(capacityDays('2026-03', 1250, records).capacityOff).toEqual([
    { kva: 630, days: 20, reason: 'suspended', from: '2026-03-12', to: '2026-03-31' },
  ]);
  expect(capacityDays('2026-04', 1250, records).capacityOff).toEqual([
    { kva: 630, days: 1, reason: 'suspended', from: '2026-04-01', to: '2026-04-01' },
  ]);
  expect(capacityDays('2026-05', 1250, records).capacityOff).toEqual([]);
});

test('a suspension naming no kVA takes all the capacity off, until now', () => {
  const records = [record('BG1', 'status', 'active', 'suspended', '2026-02-20')];
  expect(capacityDays('2026-03', 630, records).capacityOff).toEqual([
    { kva: 630, days: 31, reason: 'suspended', from: '2026-03-01', to: '2026-03-31' },
  ]);
});

test('a reduction from 800 to 400 on 11-20 and its resume on 12-02', () => {
  const records = [
    record('BG1', 'capacityKva', '800', '400', '2026-11-20'),
    record('BG1', 'status', 'active', 'reduced', '2026-11-20'),
    record('BG2', 'capacityKva', '400', '800', '2026-12-02'),
    record('BG2', 'status', 'reduced', 'active', '2026-12-02'),
  ];
  expect(capacityDays('2026-11', 800, records)).toEqual({
    capacityKva: 800,
    capacityOff: [{ kva: 400, days: 11, reason: 'reduced', from: '2026-11-20', to: '2026-11-30' }],
  });
  expect(capacityDays('2026-12', 800, records).capacityOff).toEqual([
    { kva: 400, days: 1, reason: 'reduced', from: '2026-12-01', to: '2026-12-01' },
  ]);
  expect(capacityDays('2027-01', 800, records)).toEqual({ capacityKva: 800, capacityOff: [] });
  // Before the reduction the account had its old capacity, whatever it has now.
  expect(capacityDays('2026-10', 400, records.slice(0, 2))).toEqual({ capacityKva: 800, capacityOff: [] });
});
