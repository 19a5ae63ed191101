/** The routes: sign-in outside the shell, every other screen inside it and only when signed in. */
import { Button, Result } from 'antd';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { SessionProvider, returnPathOf, useSession } from '../session/SessionProvider';
import { SignInPage } from '../session/SignInPage';
import { AppShell } from '../shell/AppShell';
import { mayOpen, MENU } from '../shell/menu';
import { TaskListPage } from '../tasks/TaskListPage';
import { lazy, type ComponentType, type ReactNode } from 'react';

/**
 * Screens beyond the tasklist load when first opened: the task and case screens bring form-js and bpmn-js, which
 * the first screen does not need (it is usable sooner on a slow machine; bench/tasklist measures it).
 */
function later<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const TaskPage = later(() => import('../tasks/TaskPage'), 'TaskPage');
const CaseLookupPage = later(() => import('../cases/CaseLookupPage'), 'CaseLookupPage');
const UsersPage = later(() => import('../admin/UsersPage'), 'UsersPage');
const UnitsPage = later(() => import('../admin/UnitsPage'), 'UnitsPage');
const CalendarPage = later(() => import('../admin/CalendarPage'), 'CalendarPage');
const RuleTablesPage = later(() => import('../admin/RuleTablesPage'), 'RuleTablesPage');
const BillingRulesPage = later(() => import('../billing/BillingRulesPage'), 'BillingRulesPage');
const RunsPage = later(() => import('../billing/RunsPage'), 'RunsPage');
const RunPage = later(() => import('../billing/RunPage'), 'RunPage');
const AccountBillsPage = later(() => import('../billing/AccountBillsPage'), 'AccountBillsPage');
const BillPage = later(() => import('../billing/BillPage'), 'BillPage');
const AuditPage = later(() => import('../admin/AuditPage'), 'AuditPage');
const NotificationsPage = later(() => import('../admin/NotificationsPage'), 'NotificationsPage');
const AcceptExpansionPage = later(() => import('../intake/AcceptExpansionPage'), 'AcceptExpansionPage');
const AcceptChangePage = later(() => import('../intake/AcceptChangePage'), 'AcceptChangePage');
const NewWorkOrderPage = later(() => import('../intake/NewWorkOrderPage'), 'NewWorkOrderPage');
const MyCasesPage = later(() => import('../cases/MyCasesPage'), 'MyCasesPage');
const CasePage = later(() => import('../cases/CasePage'), 'CasePage');
// The dashboards bring the charting library: only when a manager opens them.
const DashboardsPage = later(() => import('../dashboards/DashboardsPage'), 'DashboardsPage');
const OverduePage = later(() => import('../dashboards/OverduePage'), 'OverduePage');
const ProcessesPage = later(() => import('../monitor/ProcessesPage'), 'ProcessesPage');
const HeatmapPage = later(() => import('../monitor/HeatmapPage'), 'HeatmapPage');
const InstancesPage = later(() => import('../monitor/InstancesPage'), 'InstancesPage');
const InstancePage = later(() => import('../monitor/InstancePage'), 'InstancePage');
// The modeler brings bpmn-js's modeler, dmn-js and the form editor: only when an analyst opens it.
const ModelsPage = later(() => import('../modeling/ModelsPage'), 'ModelsPage');
const ModelEditorPage = later(() => import('../modeling/ModelEditorPage'), 'ModelEditorPage');
const CounterPaymentPage = later(() => import('../collection/CounterPaymentPage'), 'CounterPaymentPage');
const BankFilePage = later(() => import('../collection/BankFilePage'), 'BankFilePage');
const ArrearsPage = later(() => import('../collection/ArrearsPage'), 'ArrearsPage');

function RequireSession({ children }: { children: ReactNode }) {
  const { user, ended } = useSession();
  const location = useLocation();
  if (!user) {
    const query = new URLSearchParams();
    if (ended) query.set('reason', ended);
    if (ended !== 'signedOut') query.set('from', returnPathOf(location));
    return <Navigate to={`/login?${query}`} replace />;
  }
  return children;
}

/** A screen the user's roles do not allow is not found for them, as it is missing from their menu. */
function RequireMenuEntry({ entry, children }: { entry: string; children: ReactNode }) {
  const { user } = useSession();
  const menuEntry = MENU.find((e) => e.key === entry)!;
  return user && mayOpen(menuEntry, user.roles) ? children : <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/tasks">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<SignInPage />} />
            <Route
              element={
                <RequireSession>
                  <AppShell />
                </RequireSession>
              }
            >
              <Route index element={<Navigate to="/tasks" replace />} />
              <Route path="/tasks" element={<TaskListPage />} />
              <Route path="/tasks/:key" element={<TaskPage />} />
              <Route
                path="/cases/:caseNo?"
                element={
                  <RequireMenuEntry entry="cases">
                    <CaseLookupPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/monitor/processes"
                element={
                  <RequireMenuEntry entry="monitorProcesses">
                    <ProcessesPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/monitor/processes/:processId/heatmap"
                element={
                  <RequireMenuEntry entry="monitorProcesses">
                    <HeatmapPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/monitor/instances"
                element={
                  <RequireMenuEntry entry="monitorInstances">
                    <InstancesPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/monitor/instances/:key"
                element={
                  <RequireMenuEntry entry="monitorInstances">
                    <InstancePage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/users"
                element={
                  <RequireMenuEntry entry="users">
                    <UsersPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/units"
                element={
                  <RequireMenuEntry entry="units">
                    <UnitsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/calendar"
                element={
                  <RequireMenuEntry entry="calendar">
                    <CalendarPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/rule-tables"
                element={
                  <RequireMenuEntry entry="ruleTables">
                    <RuleTablesPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/billing-rules"
                element={
                  <RequireMenuEntry entry="billingRules">
                    <BillingRulesPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/billing/runs"
                element={
                  <RequireMenuEntry entry="billingRuns">
                    <RunsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/billing/runs/:runNo"
                element={
                  <RequireMenuEntry entry="billingRuns">
                    <RunPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/billing/bills"
                element={
                  <RequireMenuEntry entry="billingBills">
                    <AccountBillsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/billing/bills/:id"
                element={
                  <RequireMenuEntry entry="billingBills">
                    <BillPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/audit"
                element={
                  <RequireMenuEntry entry="audit">
                    <AuditPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/collection/counter"
                element={
                  <RequireMenuEntry entry="collectionCounter">
                    <CounterPaymentPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/collection/bank-files/:id?"
                element={
                  <RequireMenuEntry entry="collectionBankFiles">
                    <BankFilePage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/collection/arrears"
                element={
                  <RequireMenuEntry entry="collectionArrears">
                    <ArrearsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/notifications"
                element={
                  <RequireMenuEntry entry="notifications">
                    <NotificationsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/accept/business-expansion"
                element={
                  <RequireMenuEntry entry="acceptExpansion">
                    <AcceptExpansionPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/accept/change-of-use"
                element={
                  <RequireMenuEntry entry="acceptChange">
                    <AcceptChangePage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/work-orders/new"
                element={
                  <RequireMenuEntry entry="newWorkOrder">
                    <NewWorkOrderPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/dashboards"
                element={
                  <RequireMenuEntry entry="dashboards">
                    <DashboardsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/overdue"
                element={
                  <RequireMenuEntry entry="overdue">
                    <OverduePage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/models"
                element={
                  <RequireMenuEntry entry="models">
                    <ModelsPage />
                  </RequireMenuEntry>
                }
              />
              <Route
                path="/models/:resource"
                element={
                  <RequireMenuEntry entry="models">
                    <ModelEditorPage />
                  </RequireMenuEntry>
                }
              />
              <Route path="/my-cases" element={<MyCasesPage />} />
              <Route path="/my-cases/:caseNo" element={<CasePage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
