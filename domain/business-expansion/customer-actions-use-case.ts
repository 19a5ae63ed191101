/**
 * What the customer does while the case waits on them, recorded at the counter (the fees' payments: fee-payment-book.ts):
 * supplementing documents (documents-supplemented), reporting their works complete or the
 * defects of a failed completion inspection rectified (customer-construction-completed), handing in a revised
 * design (customer-design-resubmitted). Each message is correlated by the application number; a message that
 * arrives before the process waits for it is kept for a day (time to live).
 */
import { randomUUID } from 'node:crypto';
import { Application, ApplicationDocument } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { parseInput } from '../../lib/validation/parse-input';
import { documentInput } from './application-input';

const MESSAGE_TTL_MS = 24 * 3_600_000;

const documentsInput = z.object({ documents: z.array(documentInput).min(1).max(50) }).strict();
const designInput = z
  .object({
    documents: z
      .array(documentInput)
      .min(1)
      .max(50)
      .refine((documents) => documents.some((document) => document.kind === 'design-drawings'), {
        message: '须附修改后的设计图纸（design-drawings）/ the revised design drawings are required',
      }),
    /** What the customer changed, in their words. */
    revisionNote: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

type Context = Pick<DomainServices, 'sequelize' | 'camunda'>;

async function applicationIn(applicationNo: string, states: string[]): Promise<Application> {
  const application = await Application.findOne({ where: { applicationNo } });
  if (!application) throw notFound('业扩申请 / application', applicationNo);
  if (states.length && !states.includes(application.state))
    throw conflict(`申请 ${applicationNo} 当前状态为 ${application.state} / the case is ${application.state}`);
  return application;
}

export async function publishCustomerMessage(
  context: Pick<DomainServices, 'camunda'>,
  name: string,
  applicationNo: string,
  messageId: string,
  variables = {},
) {
  await context.camunda.zeebe.publishMessage({
    name,
    correlationKey: applicationNo,
    messageId,
    timeToLive: MESSAGE_TTL_MS,
    variables,
  });
}

/** Stores documents handed in after the application and takes the case off the customer's turn, in one go. */
async function handIn(context: Context, application: Application, documents: z.infer<typeof documentInput>[]) {
  return context.sequelize.transaction(async (transaction) => {
    await application.update({ state: 'in-progress' }, { transaction });
    return ApplicationDocument.bulkCreate(
      documents.map((document) => ({ ...document, applicationId: application.id, supplemented: true })),
      { transaction },
    );
  });
}

export async function supplementDocuments(context: Context, applicationNo: string, raw: unknown) {
  const input = parseInput(documentsInput, raw, '补正资料');
  const application = await applicationIn(applicationNo, ['waiting-documents']);
  const documents = await handIn(context, application, input.documents);
  await publishCustomerMessage(
    context,
    'documents-supplemented',
    applicationNo,
    `documents:${applicationNo}:${documents[0].id}`,
  );
  return { applicationNo, documents };
}

/** The customer hands in the design that design review sent back, revised: it is reviewed again. */
export async function resubmitDesign(context: Context, applicationNo: string, raw: unknown) {
  const input = parseInput(designInput, raw, '重新报审设计');
  const application = await applicationIn(applicationNo, ['waiting-design']);
  const documents = await handIn(context, application, input.documents);
  await publishCustomerMessage(
    context,
    'customer-design-resubmitted',
    applicationNo,
    `design:${applicationNo}:${documents[0].id}`,
    {
      designResubmittedAt: appClock.now().toISOString(),
      designRevisionNote: input.revisionNote ?? null,
    },
  );
  return { applicationNo, documents };
}

/** The customer's works are complete: first built, or rectified after a failed completion inspection. */
export async function reportConstructionCompleted(context: Context, applicationNo: string) {
  await applicationIn(applicationNo, ['waiting-construction', 'waiting-rectification']);
  await Application.update({ state: 'in-progress' }, { where: { applicationNo } });
  const at = appClock.now().toISOString();
  await publishCustomerMessage(
    context,
    'customer-construction-completed',
    applicationNo,
    `construction:${applicationNo}:${randomUUID()}`,
    {
      constructionReportedAt: at,
    },
  );
  return { applicationNo, reportedAt: at };
}
