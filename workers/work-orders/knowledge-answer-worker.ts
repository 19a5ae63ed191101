/**
 * `work-order.knowledge-answer`: for a consultation or query, the knowledge-base article that best matches the
 * customer's words becomes the suggested answer the agent confirms (the agent's form is prefilled with `answer`).
 */
import { bestAnswer, recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';

export const knowledgeAnswerWorker: WorkerDefinition = {
  taskType: 'work-order.knowledge-answer',
  handle: (job) =>
    runOrderJob(job, async () => {
      const orderNo = orderNoOf(job);
      const article = await bestAnswer(textVariable(job, 'content') ?? '');
      await recordOrderEvent(
        {
          orderNo,
          kind: 'knowledge-lookup',
          dedupKey: `kb:${job.key}`,
          at: now(),
          comment: article ? `知识库：${article.title}` : '知识库无匹配答案',
        },
        () => ({ state: 'answering' }),
      );
      return job.complete({
        answer: article?.content ?? '',
        kbArticleId: article?.id ?? null,
        answerResolved: article !== undefined,
      });
    }),
};
