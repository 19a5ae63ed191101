/**
 * Turns a feelin result into a JSON-compatible value, the way Zeebe stores FEEL results as variables:
 * temporal values become ISO strings (Java's `toString` forms, e.g. `2020-01-01T10:00+01:00[Europe/Berlin]`),
 * contexts plain objects, ranges their FEEL text. A function cannot be stored and is reported as an error.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

export type ConversionResult = { ok: true; value: unknown } | { ok: false; reason: string };

class NotConvertible extends Error {}

export function toJsonValue(value: unknown): ConversionResult {
  try {
    return { ok: true, value: convert(value) };
  } catch (error) {
    if (error instanceof NotConvertible) return { ok: false, reason: error.message };
    throw error;
  }
}

function convert(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(convert);
  if (isFunction(value) || typeof value === 'function') {
    throw new NotConvertible('the result is a function, which cannot be stored as a variable');
  }
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelDuration) return value.iso;
  if (isRange(value)) return String(value);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v)]));
  }
  throw new NotConvertible(`the result of type '${typeof value}' cannot be stored as a variable`);
}

/** Java's LocalTime.toString: seconds only when not zero, fractions in groups of three digits. */
function formatWallClock(t: { hour: number; minute: number; second: number; nanos: number }): string {
  let text = `${pad(t.hour)}:${pad(t.minute)}`;
  if (t.second === 0 && t.nanos === 0) return text;
  text += `:${pad(t.second)}`;
  if (t.nanos === 0) return text;
  const fraction = String(t.nanos).padStart(9, '0');
  if (t.nanos % 1_000_000 === 0) return `${text}.${fraction.slice(0, 3)}`;
  if (t.nanos % 1_000 === 0) return `${text}.${fraction.slice(0, 6)}`;
  return `${text}.${fraction}`;
}

interface WallClock {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  microsecond: number;
  nanosecond: number;
}

function wallClock(t: WallClock): string {
  const nanos = t.millisecond * 1_000_000 + t.microsecond * 1_000 + t.nanosecond;
  return formatWallClock({ hour: t.hour, minute: t.minute, second: t.second, nanos });
}

function formatTime(time: FeelTime): string {
  const local = wallClock(time.unwrap());
  if (time.zone === null) return local;
  if (isOffsetZone(time.zone)) return local + formatOffset(time['time offset']);
  return `${local}@${time.zone}`;
}

function formatDateTime(dateTime: FeelDateTime): string {
  const plain = dateTime.unwrap();
  const local = `${plain.toPlainDate().toString()}T${wallClock(plain)}`;
  if (dateTime.zone === null) return local;
  const offset = formatOffset(dateTime['time offset']);
  return isOffsetZone(dateTime.zone) ? local + offset : `${local}${offset}[${dateTime.zone}]`;
}

function isOffsetZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || /^[+-]\d{2}:?\d{2}(:?\d{2})?$/.test(zone);
}

/** Java's ZoneOffset id: `Z` for zero, else `+HH:MM`. */
function formatOffset(offset: FeelDuration | null): string {
  if (!offset) return 'Z';
  const d = offset.unwrap();
  const totalSeconds = Math.round(d.total({ unit: 'seconds' }));
  if (totalSeconds === 0) return 'Z';
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const seconds = abs % 60;
  const text = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
  return seconds ? `${text}:${pad(seconds)}` : text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
