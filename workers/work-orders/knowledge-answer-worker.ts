/**
 * `work-order.knowledge-answer`: for a consultation or query, the knowledge-base article that best matches the
 * customer's words becomes the suggested answer the agent confirms (the agent's form is prefilled with `answer`).
 */
import { answerFromKnowledge } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob, textVariable } from './order-job';

export const knowledgeAnswerWorker: WorkerDefinition = {
  taskType: 'work-order.knowledge-answer',
  handle: (job) =>
    runOrderJob(job, async () =>
      job.complete(await answerFromKnowledge(orderNoOf(job), textVariable(job, 'content') ?? '', job.key)),
    ),
};
