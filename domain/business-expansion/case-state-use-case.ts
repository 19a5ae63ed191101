/**
 * Where a case stands (in-progress, waiting on the customer, ...) and the class the process gave it; the customer
 * is told what is expected of them first, so whoever sees the case waiting on the customer also finds the notice.
 */
import { APPLICATION_STATES } from '../../db/business-expansion';
import { ModelError } from '../../lib/errors/model-error';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './case-application-repository';
import { notifyCustomer } from './customer-notice';

export interface CaseStateInput {
  applicationNo: string;
  state: string;
  /** What to tell the customer (empty: nothing). */
  customerNotice: string;
  customerClass: string | null;
  /** The process step this comes from: one notice per occasion. */
  occasion: string;
}

const knownState = (state: string): boolean => (APPLICATION_STATES as readonly string[]).includes(state);

export async function updateCaseState(services: DomainServices, input: CaseStateInput): Promise<void> {
  if (!knownState(input.state)) throw new ModelError(`未知的申请状态 "${input.state}" / unknown application state`);
  const application = await caseApplication(input.applicationNo);
  if (input.customerNotice)
    await notifyCustomer(services, input.occasion, application, {
      kind: 'customer',
      title: `【业扩报装】${application.applicationNo}`,
      body: input.customerNotice,
    });
  await application.update({ state: input.state, customerClass: input.customerClass ?? application.customerClass });
}
