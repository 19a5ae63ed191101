/**
 * The one place the change-of-use area reaches into 业扩 (business expansion): a relocation to another supply
 * point, or a voltage change with more capacity, becomes a new connection / capacity-increase application there.
 */
import { submitApplication } from '../../api/business-expansion';
import type { Account } from '../../db/core/customer-models';
import { AppError } from '../../lib/errors/app-error';
import { ModelError } from './change-job';
import type { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import type { WorkerContext } from '../worker-definition';

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
export async function submitNewConnection(
  context: WorkerContext,
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
