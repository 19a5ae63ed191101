/**
 * The one place the change-of-use area reaches into 业扩 (business expansion): a relocation to another supply
 * point, or a voltage change with more capacity, becomes a new connection / capacity-increase application there.
 */
import { submitApplication } from '../business-expansion';
import { Account } from '../../db/core/customer-models';
import type { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { AppError } from '../../lib/errors/app-error';
import { ModelError } from '../../lib/errors/model-error';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './change-application-repository';

export interface NewConnectionRequest {
  customerId: number;
  /** new: a new connection (another supply point); increase: more capacity on this account. */
  businessType: 'new' | 'increase';
  accountId: number | null;
  address: string;
  voltage: string;
  capacityKva: number;
  category: string;
  /** What the customer handed in at the counter with the change application. */
  documents: unknown[];
  /** The change case's number: 业扩 answers the same application when the handover is repeated. */
  sourceReference: string;
}

/** What the change asks 业扩 for, from the application's details and the account as it is. */
export function newConnectionRequest(application: ChangeApplication, account: Account): NewConnectionRequest {
  const details = application.details;
  const elsewhere = application.changeType === 'relocation' && details.sameSupplyPoint === false;
  const capacity = Number(details.newCapacityKva ?? account.capacityKva);
  return {
    customerId: account.customerId,
    businessType: elsewhere ? 'new' : 'increase',
    accountId: elsewhere ? null : account.id,
    address: typeof details.newAddress === 'string' ? details.newAddress : account.address,
    voltage: typeof details.newVoltage === 'string' ? details.newVoltage : account.voltage,
    capacityKva: elsewhere ? capacity : Math.max(capacity - account.capacityKva, 0),
    category: account.category,
    documents: Array.isArray(details.documents) ? details.documents : [],
    sourceReference: application.applicationNo,
  };
}

/** Submits the 业扩 application and answers its number. A refusal there (e.g. documents missing) will not change on
 * retry: it becomes an incident naming the reason, to be fixed and retried by a person. */
async function submitNewConnection(
  context: DomainServices,
  request: NewConnectionRequest,
  submittedBy: string,
): Promise<string> {
  const { accountId, ...rest } = request;
  try {
    const submitted = await submitApplication(context, accountId === null ? rest : request, submittedBy);
    return submitted.applicationNo;
  } catch (error) {
    if (error instanceof AppError && error.status < 500)
      throw new ModelError(`业扩受理未通过 / 业扩 refused: ${error.message}`);
    throw error;
  }
}

/**
 * Hands the change over to 业扩 and records the new application's number on the change case. A repeated step gets
 * the same application back: 业扩 keys the handover by the change number.
 */
export async function startNewConnection(
  services: DomainServices,
  applicationNo: string,
): Promise<{ newConnectionNo: string }> {
  const application = await caseApplication(applicationNo);
  if (application.newConnectionNo) return { newConnectionNo: application.newConnectionNo };
  const account = await Account.findByPk(application.accountId);
  if (!account) throw new ModelError(`用电户不存在 / no account ${application.accountId}`);
  const request = newConnectionRequest(application, account);
  const newConnectionNo = await submitNewConnection(services, request, application.submittedBy);
  await application.update({ newConnectionNo });
  return { newConnectionNo };
}
