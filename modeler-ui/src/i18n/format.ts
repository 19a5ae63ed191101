/**
 * Locale-dependent pieces that need no React: the bilingual messages of the API ("中文 / English") cut to the
 * chosen language, message templates filled in, and dates, numbers and amounts (fen → 元) through Intl.
 */
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

/** The API answers "中文 / English"; a message without the separator is shown as it is. */
export function pickLanguage(message: string, locale: Locale): string {
  const separator = message.indexOf(' / ');
  if (separator < 0) return message;
  return locale === 'zh-CN' ? message.slice(0, separator).trim() : message.slice(separator + 3).trim();
}

/** A count as shown: past the engine search's counting limit it is a lower bound, written "10000+". */
export const countText = (n: number, atLeast = false): string => (atLeast ? `${n}+` : String(n));

export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function formatDateTime(value: string | number | Date | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An amount in fen as 元 with two decimals, e.g. 2375000000 → "23,750,000.00". */
export function formatYuan(amountFen: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amountFen / 100);
}
