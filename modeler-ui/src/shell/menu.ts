/**
 * The main menu and who sees each entry: `roles` empty means every signed-in user; administrators see all. The
 * API enforces the same rules; the menu only leaves out what a user could not use.
 */
import type { MessageKey } from '../i18n/zh-CN';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  roles: string[];
}

/** Who reads tariffs and bills: billing's roles, the counter's cashiers and collectors, managers. */
const TARIFF_READERS = [
  'billing-clerk',
  'billing-reviewer',
  'billing-supervisor',
  'cashier',
  'arrears-collector',
  'manager',
];

export const MENU: MenuEntry[] = [
  { key: 'tasks', path: '/tasks', label: 'menu.tasks', roles: [] },
  { key: 'cases', path: '/cases', label: 'menu.cases', roles: ['manager'] },
  { key: 'monitorProcesses', path: '/monitor/processes', label: 'menu.monitorProcesses', roles: ['manager'] },
  { key: 'monitorInstances', path: '/monitor/instances', label: 'menu.monitorInstances', roles: ['manager'] },
  { key: 'users', path: '/users', label: 'menu.users', roles: ['admin'] },
  {
    key: 'acceptExpansion',
    path: '/accept/business-expansion',
    label: 'menu.acceptExpansion',
    roles: ['counter-clerk'],
  },
  { key: 'acceptChange', path: '/accept/change-of-use', label: 'menu.acceptChange', roles: ['counter-clerk'] },
  { key: 'newWorkOrder', path: '/work-orders/new', label: 'menu.newWorkOrder', roles: ['agent'] },
  { key: 'myCases', path: '/my-cases', label: 'menu.myCases', roles: [] },
  { key: 'dashboards', path: '/dashboards', label: 'menu.dashboards', roles: ['manager'] },
  { key: 'overdue', path: '/overdue', label: 'menu.overdue', roles: ['manager'] },
  { key: 'units', path: '/units', label: 'menu.units', roles: ['admin'] },
  { key: 'calendar', path: '/calendar', label: 'menu.calendar', roles: ['admin'] },
  { key: 'ruleTables', path: '/rule-tables', label: 'menu.ruleTables', roles: ['admin'] },
  {
    key: 'billingRules',
    path: '/billing-rules',
    label: 'menu.billingRules',
    roles: TARIFF_READERS,
  },
  {
    key: 'billingRuns',
    path: '/billing/runs',
    label: 'menu.billingRuns',
    roles: ['meter-reader', 'billing-clerk', 'billing-reviewer', 'billing-supervisor', 'manager'],
  },
  {
    key: 'billingBills',
    path: '/billing/bills',
    label: 'menu.billingBills',
    roles: TARIFF_READERS,
  },
  { key: 'audit', path: '/audit', label: 'menu.audit', roles: ['admin'] },
  { key: 'notifications', path: '/notifications', label: 'menu.notifications', roles: ['admin'] },
  { key: 'models', path: '/models', label: 'menu.models', roles: ['analyst'] },
  { key: 'collectionCounter', path: '/collection/counter', label: 'menu.collectionCounter', roles: ['cashier'] },
  {
    key: 'collectionBankFiles',
    path: '/collection/bank-files',
    label: 'menu.collectionBankFiles',
    roles: ['cashier'],
  },
  {
    key: 'collectionArrears',
    path: '/collection/arrears',
    label: 'menu.collectionArrears',
    roles: ['arrears-collector', 'billing-supervisor', 'cashier'],
  },
];

export function mayOpen(entry: MenuEntry, roles: string[]): boolean {
  return entry.roles.length === 0 || roles.includes('admin') || entry.roles.some((role) => roles.includes(role));
}

export const visibleMenu = (roles: string[]): MenuEntry[] => MENU.filter((entry) => mayOpen(entry, roles));
