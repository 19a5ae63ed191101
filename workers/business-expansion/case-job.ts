/**
 * What every 业扩 worker needs: the case's application (found by the process's businessKey), numbers, and a
 * message to the customer. Job failures follow the shared rule of workers/job-input.ts.
 */
import type { Transaction } from 'sequelize';
import { Customer } from '../../db/core/customer-models';
import { Application } from '../../db/business-expansion';
import { notify } from '../../domain/notifications';
import type { WorkerContext, WorkerJob } from '../worker-definition';
import { ModelError, requireBusinessKey } from '../job-input';

export { ModelError, requireHeader, runJob } from '../job-input';

export async function applicationOf(job: WorkerJob, transaction?: Transaction): Promise<Application> {
  const applicationNo = requireBusinessKey(job);
  const application = await Application.findOne({
    where: { applicationNo },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!application) throw new ModelError(`业扩申请 ${applicationNo} 不存在 / no application ${applicationNo}`);
  return application;
}

/** A text variable of the job, or the fallback when the process has none (e.g. a three-zero case's scheme). */
export function textVariable(job: WorkerJob, name: string, fallback: string): string {
  const value = job.variables[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/** `{name}` placeholders filled from the job's variables (missing ones left empty). */
export function fillPlaceholders(template: string, variables: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = variables[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Sends the customer a message (by phone), once per job: the dedupKey is the job's element instance. */
export async function notifyCustomer(
  context: WorkerContext,
  job: WorkerJob,
  application: Application,
  message: { kind: string; title: string; body: string },
): Promise<void> {
  const customer = await Customer.findByPk(application.customerId);
  if (!customer) throw new ModelError(`客户 ${application.customerId} 不存在 / no customer ${application.customerId}`);
  await notify(
    {
      dedupKey: `be:${message.kind}:${job.elementInstanceKey}`,
      kind: message.kind,
      recipientType: 'customer',
      recipient: customer.phone,
      title: message.title,
      body: message.body,
      businessKey: application.applicationNo,
    },
    { config: context.config },
  );
}

export const yuan = (fen: number): string => (fen / 100).toFixed(2);
