/**
 * The managers' dashboards (time-limit compliance, 获得电力, step durations, backlog, 95598 orders) and the overdue
 * list: the area's public interface. Read-only: nothing here changes a case.
 */
export { dashboardScope, unitsOf, type DashboardScope } from './dashboard-scope';
export { complianceDashboard } from './compliance-dashboard-use-case';
export { stepDurations } from './step-durations-use-case';
export { backlog } from './backlog-use-case';
export { workOrderDashboard } from './work-order-dashboard-use-case';
export { overdueList } from './overdue-list-use-case';
export { recentFigures } from './recent-figures';
