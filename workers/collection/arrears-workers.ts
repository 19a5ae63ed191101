/**
 * The arrears case's job workers (bpmn/billing/arrears.bpmn), one per job type; each reads the case number
 * (businessKey) and hands back the variables its timers and decisions read (domain/collection).
 */
import {
  cutDayFacts,
  postponeCut,
  recordDisconnection,
  recordReconnection,
  recordSettlement,
  sendDisconnectionNotice,
  sendReminder,
  sendSecondNotice,
} from '../../domain/collection';
import { ModelError, requireBusinessKey, runJob } from '../job-input';
import type { WorkerContext, WorkerDefinition, WorkerJob } from '../worker-definition';

type Step = (caseNo: string, job: WorkerJob, context: WorkerContext) => Promise<Record<string, unknown> | void>;

function arrearsWorker(taskType: string, step: Step, outputs: string[] = []): WorkerDefinition {
  return {
    taskType,
    variables: { outputs },
    handle: (job, context) =>
      runJob(job, async () => job.complete({ ...((await step(requireBusinessKey(job), job, context)) ?? {}) })),
  };
}

function cutAtOf(job: WorkerJob): string {
  const value = job.variables.cutAt;
  if (typeof value !== 'string') throw new ModelError('缺少流程变量 cutAt / missing variable "cutAt"');
  return value;
}

/** The reminders sent so far (the variable the previous reminder answered; none before the first). */
function reminderNoOf(job: WorkerJob): number {
  const value = job.variables.reminderNo;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

export const collectionWorkers: WorkerDefinition[] = [
  arrearsWorker('collection.reminder', (caseNo, job, context) => sendReminder(context, caseNo, reminderNoOf(job)), [
    'overdueFen',
    'penaltyFen',
    'graceEndsAt',
    'reminderNo',
    'moreReminders',
    'nextReminderAt',
  ]),
  arrearsWorker('collection.disconnection-notice', (caseNo, _job, context) => sendDisconnectionNotice(context, caseNo)),
  arrearsWorker('collection.second-notice', (caseNo, job, context) => sendSecondNotice(context, caseNo, cutAtOf(job))),
  arrearsWorker('collection.cut-day-facts', (caseNo) => cutDayFacts(caseNo), [
    'cutDay',
    'residential',
    'restDay',
    'extremeWeather',
  ]),
  arrearsWorker('collection.postpone-cut', (caseNo) => postponeCut(caseNo), ['cutDay', 'cutAt', 'secondNoticeAt']),
  arrearsWorker('collection.record-disconnection', (caseNo) => recordDisconnection(caseNo)),
  arrearsWorker('collection.record-settlement', (caseNo) => recordSettlement(caseNo), ['wasDisconnected']),
  arrearsWorker('collection.record-reconnection', (caseNo) => recordReconnection(caseNo)),
];
