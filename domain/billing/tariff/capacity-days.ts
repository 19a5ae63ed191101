/**
 * The capacity-days of a period whose basic charge does not run, from the change-of-use ledger's records of an
 * account (change_account_changes): a suspension from its sealing day to the day before its resume (all of the
 * capacity, or the kVA of the transformers the case named), a reduction from its effective day on. The basic charge
 * is reckoned from the largest capacity of the period; every day below it is a day off.
 */
import type { CapacityOff } from './billable-account';

export interface LedgerRecord {
  id: number;
  applicationNo: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  effectiveOn: string;
}

const DAY = 86_400_000;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

export function daysOfPeriod(period: string): string[] {
  const days: string[] = [];
  for (let day = `${period}-01`; day.startsWith(period); day = dayAfter(day)) days.push(day);
  return days;
}

/** `records`: every capacity, status and suspended-kVA record of the account, in any order. */
export function capacityDays(
  period: string,
  currentCapacityKva: number,
  records: LedgerRecord[],
): { capacityKva: number; capacityOff: CapacityOff[] } {
  const sorted = [...records].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id);
  const capacityChanges = sorted.filter((record) => record.field === 'capacityKva');
  const capacityOn = (day: string): number => {
    const last = capacityChanges.filter((record) => record.effectiveOn <= day).at(-1);
    if (last) return Number(last.newValue);
    return capacityChanges.length > 0 ? Number(capacityChanges[0].oldValue) : currentCapacityKva;
  };
  const namedKva = new Map(
    sorted
      .filter((record) => record.field === 'suspendedKva')
      .map((record) => [record.applicationNo, Number(record.newValue)]),
  );
  // Suspended kVA from each status change on: a suspension starts, anything after it (a resume) ends it.
  const suspensions = sorted
    .filter(
      (record) => record.field === 'status' && (record.newValue === 'suspended' || record.oldValue === 'suspended'),
    )
    .map((record) => ({
      from: record.effectiveOn,
      kva: record.newValue === 'suspended' ? (namedKva.get(record.applicationNo) ?? Number.POSITIVE_INFINITY) : 0,
    }));
  const suspendedOn = (day: string) => suspensions.filter((change) => change.from <= day).at(-1)?.kva ?? 0;

  const days = daysOfPeriod(period);
  const capacities = days.map(capacityOn);
  const base = Math.max(...capacities);
  const off = days.map((day, i) => ({
    day,
    reduced: base - capacities[i],
    suspended: Math.min(suspendedOn(day), capacities[i]),
  }));
  const segments: CapacityOff[] = [];
  for (const reason of ['suspended', 'reduced'] as const) {
    let open: CapacityOff | undefined;
    for (const { day, ...kva } of off) {
      if (open && open.kva === kva[reason]) {
        open.days += 1;
        open.to = day;
        continue;
      }
      open = kva[reason] > 0 ? { kva: kva[reason], days: 1, reason, from: day, to: day } : undefined;
      if (open) segments.push(open);
    }
  }
  return { capacityKva: base, capacityOff: segments };
}
