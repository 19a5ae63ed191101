/**
 * The static timer syntaxes Zeebe accepts (docs/zeebe-rules.md §7): ISO 8601 date-times, durations and repeating
 * intervals, and cron expressions. Used by deployment validation and reusable by the runtime.
 */
import { CronExpressionParser } from 'cron-parser';

/** An ISO 8601 duration, split as written (P1Y2M3W4DT5H6M7.5S); a leading `-` negates every part. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** `Rn/[start/]duration`; repetitions -1 means forever (`R/…`). */
export interface RepeatingInterval {
  repetitions: number;
  /** Epoch ms of the explicit start; undefined: start when the timer is scheduled. */
  start?: number;
  duration: IsoDuration;
}

export type TimeCycle = ({ kind: 'interval' } & RepeatingInterval) | { kind: 'cron'; expression: string };

const DURATION_PATTERN =
  /^([-+]?)P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(?:(T)(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+(?:[.,]\d{1,9})?)S)?)?$/i;

/** `P1DT2H`, `PT0.5S`, `P2W`, `-PT1S` → its parts; undefined when the text is not an ISO 8601 duration. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, sign, years, months, weeks, days, timeMarker, hours, minutes, seconds] = match;
  const dateParts = [years, months, weeks, days];
  const timeParts = [hours, minutes, seconds];
  if (timeMarker && timeParts.every((part) => part === undefined)) return undefined; // "P1DT"
  if ([...dateParts, ...timeParts].every((part) => part === undefined)) return undefined; // "P"
  const factor = sign === '-' ? -1 : 1;
  const number = (part: string | undefined) => (part === undefined ? 0 : factor * Number(part.replace(',', '.')) + 0);
  return {
    years: number(years),
    months: number(months),
    weeks: number(weeks),
    days: number(days),
    hours: number(hours),
    minutes: number(minutes),
    seconds: number(seconds),
  };
}

/**
 * `instant` + `duration`, calendar-wise in UTC: years and months first (the day of month is clamped, so
 * Jan 31 + P1M is the last day of February), then weeks, days and time.
 */
export function addIsoDuration(instant: number, duration: IsoDuration): number {
  const date = new Date(instant);
  const totalMonths = date.getUTCMonth() + duration.years * 12 + duration.months;
  const year = date.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  date.setUTCFullYear(year, month, day);
  const days = duration.weeks * 7 + duration.days;
  const seconds = ((days * 24 + duration.hours) * 60 + duration.minutes) * 60 + duration.seconds;
  return date.getTime() + Math.round(seconds * 1000);
}

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(?:\[([^\]\s]+)\])?$/i;

/**
 * An ISO 8601 date-time → epoch ms. With `Z`, an offset (`+08:00`) or a zone (`[Asia/Shanghai]`); an offset
 * wins over the zone; neither means UTC. Undefined when the text is not such a date-time or the zone is unknown.
 */
export function parseIsoDate(text: string): number | undefined {
  const match = DATE_TIME_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset, zone] = match;
  const parts = [year, month, day, hour, minute, second ?? '0'].map(Number);
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const local = utcMillis(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], millis);
  if (local === undefined) return undefined;
  if (zone !== undefined && zoneOffsetAt(zone, local) === undefined) return undefined;
  if (offset !== undefined) {
    const offsetMillis = parseOffset(offset);
    return offsetMillis === undefined ? undefined : local - offsetMillis;
  }
  if (zone === undefined) return local;
  // The local time in the zone: guess with the offset at the local time read as UTC, then correct once.
  const guess = local - (zoneOffsetAt(zone, local) ?? 0);
  return local - (zoneOffsetAt(zone, guess) ?? 0);
}

/** `R5/PT10S`, `R/PT1H`, `R3/2026-01-01T00:00:00Z/PT1H`; undefined when the text is not a repeating interval. */
export function parseRepeatingInterval(text: string): RepeatingInterval | undefined {
  const match = /^R(\d*)\/(.+)$/i.exec(text.trim());
  if (!match) return undefined;
  const repetitions = match[1] === '' ? -1 : Number(match[1]);
  const rest = match[2].split('/');
  if (rest.length > 2) return undefined;
  const duration = parseIsoDuration(rest[rest.length - 1]);
  if (!duration) return undefined;
  if (rest.length === 1) return { repetitions, duration };
  const start = parseIsoDate(rest[0]);
  return start === undefined ? undefined : { repetitions, start, duration };
}

/**
 * Why a cron expression is not valid (undefined when it is). Zeebe's cron has six fields — second, minute,
 * hour, day of month, month, day of week (`0 0 9-17 * * MON-FRI`) — or is a macro such as `@daily`; in UTC.
 */
export function checkCron(text: string): string | undefined {
  const expression = text.trim();
  if (!expression.startsWith('@') && expression.split(/\s+/).length !== 6) {
    return 'a cron expression needs six fields: second, minute, hour, day of month, month and day of week';
  }
  try {
    CronExpressionParser.parse(expression, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The first time after `after` (epoch ms) that a valid cron expression fires, in UTC; undefined if never. */
export function nextCronTime(expression: string, after: number): number | undefined {
  try {
    const cron = CronExpressionParser.parse(expression.trim(), { currentDate: new Date(after), tz: 'UTC' });
    return cron.hasNext() ? cron.next().getTime() : undefined;
  } catch {
    return undefined;
  }
}

/** A timeCycle value: a repeating interval, else a cron expression; undefined when it is neither. */
export function parseTimeCycle(text: string): TimeCycle | undefined {
  const interval = parseRepeatingInterval(text);
  if (interval) return { kind: 'interval', ...interval };
  if (/^R\d*\//i.test(text.trim())) return undefined;
  return checkCron(text) === undefined ? { kind: 'cron', expression: text.trim() } : undefined;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month + 1, 0);
  return date.getUTCDate();
}

/** Epoch ms of a UTC calendar time; undefined when a field is out of range (Feb 30, 25:00). */
function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number | undefined {
  if (month > 11 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

/** `Z`, `+08`, `+08:00`, `-0530` → ms east of UTC; undefined beyond ±18:00. */
function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  const seconds = Number(digits.slice(4, 6) || '0');
  if (minutes > 59 || seconds > 59) return undefined;
  const total = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  if (total > 18 * 3600 * 1000) return undefined;
  return offset.startsWith('-') ? -total : total;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | undefined>();

/** The offset of an IANA zone at an instant, in ms east of UTC; undefined for an unknown zone. */
function zoneOffsetAt(zone: string, instant: number): number | undefined {
  if (!zoneFormats.has(zone)) {
    try {
      zoneFormats.set(
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
          era: 'short',
        }),
      );
    } catch {
      zoneFormats.set(zone, undefined);
    }
  }
  const format = zoneFormats.get(zone);
  if (!format) return undefined;
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(wholeSecond))) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const date = new Date(0);
  date.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  date.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return date.getTime() - wholeSecond;
}
