/** 95598 orders as the case lifecycle sees them (db/cases/case-records.ts, decision 0023). */
import { WorkOrder } from '../../db/work-orders/work-order-models';
import type { CaseTable } from '../../db/cases/case-records';

export const workOrderCaseTable: CaseTable = {
  kind: 'work-order',
  model: WorkOrder,
  numberField: 'orderNo',
  stateField: 'state',
  closedStates: ['archived', 'linked', 'cancelled'],
};
