/**
 * Recording how a case ended outside its process's own end (decision 0023). A cancellation ends the application's
 * case too: its state becomes `cancelled` (whichever of the three kinds it is) and its whole-case clock stops. A
 * process found ended or gone while the case was open is only flagged: a manager decides what the case becomes.
 */
import { CaseEnding, type CaseEndingOutcome } from '../../db/cases/case-ending-models';
import { markCaseCancelled, type CaseTable } from '../../db/cases/case-records';
import { applicationCaseTable } from '../business-expansion';
import { changeCaseTable } from '../change-of-use';
import { workOrderCaseTable } from '../work-orders';
import { stopCaseClock } from '../time-limits';

export const CASE_TABLES: readonly CaseTable[] = [applicationCaseTable, changeCaseTable, workOrderCaseTable];

export interface CaseEndingInput {
  businessKey: string;
  /** Known when the reconciliation found it; looked up among the case tables otherwise. */
  kind?: string;
  processInstanceKey: string | null;
  outcome: CaseEndingOutcome;
  reason: string;
  endedBy: string;
  endedAt: Date;
  source: 'api' | 'reconcile';
}

export function endingView(ending: CaseEnding) {
  return {
    businessKey: ending.businessKey,
    caseKind: ending.caseKind,
    processInstanceKey: ending.processInstanceKey,
    outcome: ending.outcome,
    reason: ending.reason,
    endedBy: ending.endedBy,
    endedAt: new Date(ending.endedAt).toISOString(),
    source: ending.source,
  };
}

/** Cancels the case in whichever table holds it; the kind of the table that did, or `other` (no case record). */
async function cancelCaseRecord(businessKey: string): Promise<string> {
  for (const table of CASE_TABLES) if (await markCaseCancelled(table, businessKey)) return table.kind;
  return 'other';
}

/**
 * Records the ending (one per case: a cancellation from the API replaces what the reconciliation may have found
 * first between the engine's cancel and this record) and, for a cancellation, cancels the case and stops its clock.
 */
export async function recordCaseEnding(input: CaseEndingInput) {
  let kind = input.kind ?? 'other';
  if (input.outcome === 'cancelled') {
    const cancelledKind = await cancelCaseRecord(input.businessKey);
    if (!input.kind) kind = cancelledKind;
    await stopCaseClock(input.businessKey);
  }
  const values = {
    businessKey: input.businessKey,
    caseKind: kind,
    processInstanceKey: input.processInstanceKey,
    outcome: input.outcome,
    reason: input.reason,
    endedBy: input.endedBy,
    endedAt: input.endedAt,
    source: input.source,
  };
  const existing = await CaseEnding.findOne({ where: { businessKey: input.businessKey } });
  if (!existing) return endingView(await CaseEnding.create(values));
  if (input.source === 'api')
    await existing.update({ ...values, caseKind: kind === 'other' ? existing.caseKind : kind });
  return endingView(existing);
}

export async function caseEndingOf(businessKey: string) {
  const ending = await CaseEnding.findOne({ where: { businessKey } });
  return ending ? endingView(ending) : null;
}
