/**
 * The dashboards' filters, all in the URL (`?tab=&from=&to=&unit=`) so that a view can be bookmarked and sent:
 * the period defaults to the current month up to today (China days), the tab to compliance.
 */
import { useUrlQuery, type ParamChanges } from '../shell/use-url-query';

export const TABS = ['compliance', 'steps', 'backlog', 'workOrders'] as const;
export type DashboardTab = (typeof TABS)[number];

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DashboardFilters {
  tab: DashboardTab;
  from: string;
  to: string;
  unit: string | undefined;
  /** The API query for the period and unit. */
  query: string;
  update(changes: ParamChanges): void;
}

export function useDashboardFilters(): DashboardFilters {
  const { params, update } = useUrlQuery();
  const today = chinaToday();
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'compliance';
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : `${today.slice(0, 7)}-01`;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : today;
  const unit = params.get('unit') || undefined;
  const query = new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }).toString();
  return { tab, from, to, unit, query, update };
}
