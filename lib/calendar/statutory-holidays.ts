/**
 * The statutory public holidays (法定节假日) of a year, from the law's rules and the lunar calendar: the best known
 * answer for a year whose State Council schedule (with its bridging days and make-up working days) is not
 * published yet. The rules are data, one set per version of 《全国年节及纪念日放假办法》; the lunar and solar-term
 * dates come from the lunar calendar (lunar-typescript), not from a typed table.
 */
import { Lunar, Solar } from 'lunar-typescript';
import type { SpecialDay } from './special-day';
import { addDays } from './china-time';

/** Where a holiday starts: a solar date, a lunar date, or the solar term 清明. `offset` moves it by whole days. */
type Anchor =
  | { solar: readonly [month: number, day: number] }
  | { lunar: readonly [month: number, day: number]; offset?: number }
  | { solarTerm: '清明' };

interface StatutoryHoliday {
  name: string;
  from: Anchor;
  days: number;
}

interface StatutoryRules {
  /** The first year the version applies to (it came into force on 1 January of it). */
  inForceFrom: number;
  source: string;
  holidays: readonly StatutoryHoliday[];
}

/** Newest first. */
export const STATUTORY_RULES: readonly StatutoryRules[] = [
  {
    inForceFrom: 2025,
    source: '《全国年节及纪念日放假办法》2024年11月修订（国务院令第795号），2025-01-01施行，13天',
    holidays: [
      { name: '元旦', from: { solar: [1, 1] }, days: 1 },
      // 除夕 to 正月初三: the day before the lunar new year, then its first three days.
      { name: '春节', from: { lunar: [1, 1], offset: -1 }, days: 4 },
      { name: '清明节', from: { solarTerm: '清明' }, days: 1 },
      { name: '劳动节', from: { solar: [5, 1] }, days: 2 },
      { name: '端午节', from: { lunar: [5, 5] }, days: 1 },
      { name: '中秋节', from: { lunar: [8, 15] }, days: 1 },
      { name: '国庆节', from: { solar: [10, 1] }, days: 3 },
    ],
  },
  {
    inForceFrom: 2014,
    source: '《全国年节及纪念日放假办法》2013年12月修订（国务院令第644号），2014-01-01施行，11天',
    holidays: [
      { name: '元旦', from: { solar: [1, 1] }, days: 1 },
      { name: '春节', from: { lunar: [1, 1] }, days: 3 },
      { name: '清明节', from: { solarTerm: '清明' }, days: 1 },
      { name: '劳动节', from: { solar: [5, 1] }, days: 1 },
      { name: '端午节', from: { lunar: [5, 5] }, days: 1 },
      { name: '中秋节', from: { lunar: [8, 15] }, days: 1 },
      { name: '国庆节', from: { solar: [10, 1] }, days: 3 },
    ],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

function firstDay(year: number, anchor: Anchor): string {
  if ('solar' in anchor) return `${year}-${pad(anchor.solar[0])}-${pad(anchor.solar[1])}`;
  if ('lunar' in anchor) {
    // Lunar month 1–8 of lunar year `year` always fall in solar year `year`.
    const day = Lunar.fromYmd(year, anchor.lunar[0], anchor.lunar[1]).getSolar().toYmd();
    return addDays(day, anchor.offset ?? 0);
  }
  // The lunar year around mid-April holds this solar year's 清明 in its solar-term table.
  return Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()[anchor.solarTerm].toYmd();
}

export function statutoryRulesFor(year: number): StatutoryRules | undefined {
  return STATUTORY_RULES.find((rules) => year >= rules.inForceFrom);
}

/** The year's statutory holidays as rest days (weekend ones included), or none before the earliest rules. */
export function statutoryHolidays(year: number): SpecialDay[] {
  const rules = statutoryRulesFor(year);
  if (!rules) return [];
  return rules.holidays.flatMap(({ name, from, days }) => {
    const start = firstDay(year, from);
    return Array.from({ length: days }, (_, i): SpecialDay => ({ date: addDays(start, i), kind: 'holiday', name }));
  });
}
