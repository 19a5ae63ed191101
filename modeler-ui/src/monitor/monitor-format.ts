/** How the monitor writes a duration (days and hours, down to seconds) and reads element names from a diagram. */
import type { I18n } from '../i18n/I18nProvider';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDuration(ms: number | null | undefined, t: I18n['t']): string {
  if (ms === null || ms === undefined) return '—';
  if (ms >= DAY) return t('monitor.duration.dayHour', { d: Math.floor(ms / DAY), h: Math.floor((ms % DAY) / HOUR) });
  if (ms >= HOUR)
    return t('monitor.duration.hourMinute', { h: Math.floor(ms / HOUR), m: Math.floor((ms % HOUR) / MINUTE) });
  if (ms >= MINUTE) return t('monitor.duration.minute', { m: Math.floor(ms / MINUTE) });
  return t('monitor.duration.second', { s: Math.round((ms / SECOND) * 10) / 10 });
}

/** Element id → its name as the (possibly translated) diagram has it. */
export function elementNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const parsed = new DOMParser().parseFromString(xml, 'text/xml');
  for (const element of parsed.querySelectorAll('[id][name]'))
    names.set(element.getAttribute('id')!, element.getAttribute('name')!);
  return names;
}
