/**
 * A message to the customer of a change case (by phone number), stored and sent once per dedup key: by default
 * once per kind and case; `occasion` (e.g. a job key) allows one per occasion of a notice that may recur.
 */
import { Customer } from '../../db/core/customer-models';
import type { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { notify } from '../notifications';
import type { DomainServices } from '../domain-services';

export async function noticeToCustomer(
  context: DomainServices,
  application: ChangeApplication,
  notice: { kind: string; title: string; body: string },
  occasion?: string,
): Promise<void> {
  const customer = await Customer.findByPk(application.customerId);
  await notify(
    {
      ...notice,
      dedupKey: `change-of-use:${notice.kind}:${application.applicationNo}${occasion ? `:${occasion}` : ''}`,
      recipientType: 'customer',
      recipient: customer?.phone ?? String(application.customerId),
      businessKey: application.applicationNo,
    },
    { config: context.config },
  );
}
