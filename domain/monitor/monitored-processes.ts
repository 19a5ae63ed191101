/**
 * The processes a manager watches, as the business names them: 业扩 by its customer-class processes (each class has
 * its own process, called by the main one), 变更用电 per change type and 95598 per order type — both one process
 * each, told apart by the variable the process carries (decision 0038).
 */
import { CHANGE_TYPES } from '../change-of-use';
import { ORDER_TYPE_CODES } from '../work-orders';

/** The variable naming the business type of a process's instances, and the types it takes. */
export interface TypedProcess {
  variable: string;
  types: readonly string[];
}

export const TYPED_PROCESSES: Record<string, TypedProcess> = {
  'business-expansion': { variable: 'businessType', types: ['new', 'increase'] },
  'change-of-use': { variable: 'changeType', types: CHANGE_TYPES },
  'work-order': { variable: 'orderType', types: ORDER_TYPE_CODES },
};

/** The processes the application deploys and a manager reads as cases, in the order the processes screen shows them. */
export const PROCESS_ORDER = [
  'business-expansion',
  'business-expansion-lv-residential',
  'business-expansion-lv-non-residential',
  'business-expansion-high-voltage',
  'business-expansion-three-zero',
  'change-of-use',
  'work-order',
];

export const jsonText = (value: string): string => JSON.stringify(value);
