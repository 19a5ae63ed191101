/**
 * The case state follows the process (decision 0023). At start and then periodically, every open case with a
 * process instance is checked against the engine (one search per hundred cases, through @camunda8/sdk):
 * - its instance was cancelled (TERMINATED), e.g. directly on the engine: the case is cancelled, its clock stops;
 * - its instance COMPLETED while the case is still open: flagged `ended`;
 * - its instance is not on the engine (the engine's data was replaced or lost): flagged `vanished` — only when it
 *   is missing on two passes running, since the engine's query projections trail its commands by a moment.
 * Managers see what was found (GET /api/cases/reconciled). A pass that cannot reach the engine changes nothing.
 */
import { Op } from 'sequelize';
import { CaseEnding } from '../../db/cases/case-ending-models';
import { isCaseOpen, openCasesOf, type OpenCase } from '../../db/cases/case-records';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchProcessInstances, type EngineProcessInstance } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { logger } from '../../lib/logger/logger';
import { recordAudit } from '../audit';
import { CASE_TABLES, endingView, recordCaseEnding, type CaseEndingInput } from './case-endings';

const log = logger('cases');
const BATCH = 100;

const REASONS = {
  cancelled: '流程实例已在引擎上取消 / the process instance was cancelled on the engine',
  ended:
    '流程实例已结束而案件仍在办理，请核实案件状态 / the process instance ended while the case is open: check the case',
  vanished:
    '引擎上找不到该流程实例（引擎数据可能已更换或丢失），请核实后重新发起或关闭 / ' +
    'the process instance is not on the engine (its data may have been replaced or lost): check, then restart or close the case',
} as const;

export interface Reconciler {
  /** One pass; resolves with the cases it found. */
  reconcile(): Promise<ReturnType<typeof endingView>[]>;
}

async function openCasesWithoutEnding(): Promise<OpenCase[]> {
  const open = (await Promise.all(CASE_TABLES.map(openCasesOf))).flat();
  if (open.length === 0) return [];
  const ended = await CaseEnding.findAll({
    where: { businessKey: { [Op.in]: open.map((found) => found.businessKey) } },
    attributes: ['businessKey'],
  });
  const endedKeys = new Set(ended.map((ending) => ending.businessKey));
  return open.filter((found) => !endedKeys.has(found.businessKey));
}

async function instancesByKey(camunda: CamundaClients, cases: OpenCase[]) {
  const byKey = new Map<string, EngineProcessInstance>();
  for (let start = 0; start < cases.length; start += BATCH) {
    const keys = cases.slice(start, start + BATCH).map((found) => found.processInstanceKey);
    const instances = await searchProcessInstances(camunda, {
      filter: { processInstanceKey: { $in: keys } },
      page: { limit: keys.length },
    });
    for (const instance of instances) byKey.set(String(instance.processInstanceKey), instance);
  }
  return byKey;
}

/** What the engine says of an open case: an ending to record, or nothing (still active, or not yet certain). */
function findingFor(
  found: OpenCase,
  instance: EngineProcessInstance | undefined,
  missingBefore: boolean,
): CaseEndingInput | undefined {
  const base = {
    businessKey: found.businessKey,
    kind: found.kind,
    processInstanceKey: found.processInstanceKey,
    source: 'reconcile' as const,
  };
  if (!instance) {
    if (!missingBefore) return undefined;
    return { ...base, outcome: 'vanished', reason: REASONS.vanished, endedBy: 'system', endedAt: appClock.now() };
  }
  const endedAt = instance.endDate ? new Date(instance.endDate) : appClock.now();
  if (instance.state === 'TERMINATED')
    return { ...base, outcome: 'cancelled', reason: REASONS.cancelled, endedBy: 'engine', endedAt };
  if (instance.state === 'COMPLETED')
    return { ...base, outcome: 'ended', reason: REASONS.ended, endedBy: 'engine', endedAt };
  return undefined;
}

/**
 * A case that closed between reading the open cases and asking the engine (archived, then its process completed)
 * is no finding. A cancellation is recorded either way: the instance was cancelled, whatever the case did since.
 */
async function stillOpen(finding: CaseEndingInput, found: OpenCase): Promise<boolean> {
  if (finding.outcome === 'cancelled') return true;
  const table = CASE_TABLES.find((candidate) => candidate.kind === found.kind);
  return table ? isCaseOpen(table, found.businessKey) : false;
}

export function caseReconciler(camunda: CamundaClients): Reconciler {
  /** Process instances missing on the last pass: a second miss makes them vanished. */
  let missing = new Set<string>();
  return {
    async reconcile() {
      const open = await openCasesWithoutEnding();
      const instances = await instancesByKey(camunda, open);
      const nowMissing = new Set<string>();
      const recorded = [];
      for (const found of open) {
        const instance = instances.get(found.processInstanceKey);
        if (!instance) nowMissing.add(found.processInstanceKey);
        const finding = findingFor(found, instance, missing.has(found.processInstanceKey));
        if (!finding || !(await stillOpen(finding, found))) continue;
        const ending = await recordCaseEnding(finding);
        await recordAudit({
          actor: 'system',
          action: 'case.reconcile',
          target: `case:${found.businessKey}`,
          detail: { outcome: finding.outcome, processInstanceKey: found.processInstanceKey },
        });
        log.warn(`case ${found.businessKey} reconciled: ${finding.outcome}`);
        recorded.push(ending);
      }
      missing = nowMissing;
      return recorded;
    },
  };
}

/** Reconciles at once and then every `intervalSeconds`; returns the stop (which waits for a pass in flight). */
export function startCaseReconciler(camunda: CamundaClients, intervalSeconds: number): () => Promise<void> {
  const reconciler = caseReconciler(camunda);
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = running
      .then(() => reconciler.reconcile())
      .catch((error: unknown) => log.warn('case reconciliation failed', { error: String(error) }));
  };
  pass();
  const timer = setInterval(pass, intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** What the reconciliation found, newest first (managers). */
export async function listReconciledCases() {
  const endings = await CaseEnding.findAll({ where: { source: 'reconcile' }, order: [['endedAt', 'DESC']] });
  return { items: endings.map(endingView) };
}
