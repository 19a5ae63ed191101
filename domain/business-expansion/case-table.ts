/** 业扩 applications as the case lifecycle sees them (db/cases/case-records.ts, decision 0023). */
import { Application } from '../../db/business-expansion';
import type { CaseTable } from '../../db/cases/case-records';

export const applicationCaseTable: CaseTable = {
  kind: 'business-expansion',
  model: Application,
  numberField: 'applicationNo',
  stateField: 'state',
  closedStates: ['archived', 'cancelled'],
};
