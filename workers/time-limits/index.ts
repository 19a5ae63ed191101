/** The time-limit job workers shared by every business area (see the time-limit contract in the docs). */
import type { WorkerDefinition } from '../worker-definition';
import { caseClockWorker } from './case-clock-worker';
import { dueDateWorker } from './due-date-worker';
import { notifyWorker } from './notify-worker';

export const timeLimitWorkers: WorkerDefinition[] = [dueDateWorker, notifyWorker, caseClockWorker];
