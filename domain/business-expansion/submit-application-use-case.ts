/**
 * 业扩受理: validates an application, checks the documents its customer class needs, numbers it (YK…), saves it with
 * its documents (and a new customer, when given inline) in one transaction and starts process `business-expansion`
 * with the number as businessKey. If the start fails, what was saved is removed and the error answered: nothing
 * half-made is left behind. Other areas call it too (a relocation to another supply point is a new connection).
 */
import { Account, Customer } from '../../db/core/customer-models';
import { Application, ApplicationDocument } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { logger } from '../../lib/logger/logger';
import { nextNumber } from '../numbering';
import type { DomainServices } from '../domain-services';
import { createCustomer } from '../customers';
import { acceptingUnit } from '../users';
import { parseInput } from '../../lib/validation/parse-input';
import { applicationInput, type ApplicationInput } from './application-input';
import { classifyApplication } from './classify-application';
import { documentNames, missingDocuments, requiredDocuments } from './required-documents';

const log = logger('business-expansion');

export interface SubmittedApplication {
  applicationNo: string;
  processInstanceKey: string;
  customerId: number;
  customerClass: string;
  requiredDocuments: string[];
}

type Applicant = Pick<Customer, 'area' | 'important'>;

async function existingAccount(input: ApplicationInput): Promise<Account | undefined> {
  if (input.accountId === undefined) return undefined;
  const account = await Account.findByPk(input.accountId);
  if (!account || account.customerId !== input.customerId) throw notFound('该客户的用电户 / account', input.accountId);
  if (account.status !== 'active')
    throw businessRuleViolated('ACCOUNT_NOT_ACTIVE', `用电户状态为 ${account.status}，不能增容 / account not active`);
  return account;
}

/** A handover that was already submitted (a redelivered job of the handing-over case) answers the same application. */
async function alreadySubmitted(sourceReference: string): Promise<SubmittedApplication | undefined> {
  const application = await Application.findOne({ where: { sourceReference } });
  if (!application?.processInstanceKey || !application.customerClass) return undefined;
  return {
    applicationNo: application.applicationNo,
    processInstanceKey: application.processInstanceKey,
    customerId: application.customerId,
    customerClass: application.customerClass,
    requiredDocuments: [],
  };
}

export async function submitApplication(
  context: Pick<DomainServices, 'sequelize' | 'camunda'>,
  raw: unknown,
  submittedBy: string,
): Promise<SubmittedApplication> {
  const input = parseInput(applicationInput, raw, '业扩申请');
  const handedOver = input.sourceReference ? await alreadySubmitted(input.sourceReference) : undefined;
  if (handedOver) return handedOver;
  const applicant: Applicant | null = input.customer ?? (await Customer.findByPk(input.customerId!));
  if (!applicant) throw notFound('客户 / customer', input.customerId!);
  const account = await existingAccount(input);
  const province = applicant.area.split('-')[0];
  const totalCapacityKva = input.capacityKva + (account?.capacityKva ?? 0);
  const facts = { voltage: input.voltage, category: input.category, province, dualSource: input.dualSource };
  const important = applicant.important ?? false;
  const customerClass = await classifyApplication(context.camunda, {
    ...facts,
    capacityKva: totalCapacityKva,
    important,
  });
  const required = requiredDocuments(customerClass, input.throughAgent);
  const missing = missingDocuments(required, input.documents);
  if (missing.length)
    throw businessRuleViolated(
      'DOCUMENTS_MISSING',
      `缺少必备资料：${documentNames(missing)} / missing documents: ${missing.join(', ')}`,
      { customerClass, missing },
    );

  // The case belongs to the accepting clerk's unit (decision 0025).
  const unitCode = await acceptingUnit(submittedBy, applicant.area);
  const { application, customer } = await context.sequelize.transaction(async (transaction) => {
    const customer = input.customer
      ? await createCustomer(input.customer, transaction, submittedBy)
      : (applicant as Customer);
    const application = await Application.create(
      {
        applicationNo: await nextNumber('YK', transaction),
        customerId: customer.id,
        businessType: input.businessType,
        accountId: input.accountId ?? null,
        address: input.address,
        capacityKva: input.capacityKva,
        customerClass: null,
        processInstanceKey: null,
        sourceReference: input.sourceReference ?? null,
        submittedBy,
        submittedAt: appClock.now(),
        unitCode,
        ...facts,
      },
      { transaction },
    );
    await ApplicationDocument.bulkCreate(
      input.documents.map((document) => ({ ...document, applicationId: application.id })),
      { transaction },
    );
    return { application, customer };
  });

  let processInstanceKey: string;
  try {
    const started = await context.camunda.zeebe.createProcessInstance({
      bpmnProcessId: 'business-expansion',
      variables: {
        businessKey: application.applicationNo,
        applicationNo: application.applicationNo,
        applicationId: application.id,
        customerId: customer.id,
        customerName: customer.name,
        businessType: input.businessType,
        ...(input.accountId ? { accountId: input.accountId } : {}),
        address: input.address,
        capacityKva: input.capacityKva,
        totalCapacityKva,
        important,
        ...facts,
      },
    });
    processInstanceKey = started.processInstanceKey;
  } catch (error) {
    log.error('process start failed; application removed', { applicationNo: application.applicationNo });
    await context.sequelize.transaction(async (transaction) => {
      await ApplicationDocument.destroy({ where: { applicationId: application.id }, transaction });
      await application.destroy({ transaction });
      if (input.customer) await customer.destroy({ transaction });
    });
    throw new AppError(503, 'PROCESS_START_FAILED', `流程启动失败 / could not start the process: ${String(error)}`);
  }
  await application.update({ processInstanceKey, customerClass });
  return {
    applicationNo: application.applicationNo,
    processInstanceKey,
    customerId: customer.id,
    customerClass,
    requiredDocuments: required,
  };
}
