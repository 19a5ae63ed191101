/** A message to the customer of a 业扩 case (by phone), sent once per occasion (the process step's element instance). */
import { Customer } from '../../db/core/customer-models';
import type { Application } from '../../db/business-expansion';
import { ModelError } from '../../lib/errors/model-error';
import type { DomainServices } from '../domain-services';
import { notify } from '../notifications';

export async function notifyCustomer(
  services: DomainServices,
  occasion: string,
  application: Application,
  message: { kind: string; title: string; body: string },
): Promise<void> {
  const customer = await Customer.findByPk(application.customerId);
  if (!customer) throw new ModelError(`客户 ${application.customerId} 不存在 / no customer ${application.customerId}`);
  await notify(
    {
      dedupKey: `be:${message.kind}:${occasion}`,
      kind: message.kind,
      recipientType: 'customer',
      recipient: customer.phone,
      title: message.title,
      body: message.body,
      businessKey: application.applicationNo,
    },
    { config: services.config },
  );
}

export const yuan = (fen: number): string => (fen / 100).toFixed(2);
