/** 变更 applications as the case lifecycle sees them (db/cases/case-records.ts, decision 0023). */
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import type { CaseTable } from '../../db/cases/case-records';

export const changeCaseTable: CaseTable = {
  kind: 'change-of-use',
  model: ChangeApplication,
  numberField: 'applicationNo',
  stateField: 'status',
  closedStates: ['completed', 'refused', 'rejected', 'cancelled'],
};
