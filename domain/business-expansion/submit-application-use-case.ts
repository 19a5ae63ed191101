/**
 * 业扩受理: validates an application, checks the documents its customer class needs, numbers it (YK…), saves it with
 * its documents (and a new customer, when given inline) and the request's idempotency key in one transaction, then
 * starts process `business-expansion` with the number as businessKey. If the start fails (or the application dies
 * first), the saved application waits without an instance: a retry with the same Idempotency-Key, or the start-up
 * repair, starts it — once (decision 0024). An implausible capacity (400) and a second open application of the same
 * customer for the same address (409) are refused first. Other areas call it too (a relocation to another supply
 * point is a new connection).
 */
import type { Transaction } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { Application, ApplicationDocument } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { startProcessOnce } from '../../lib/camunda/engine-api';
import { logger } from '../../lib/logger/logger';
import { createOnce } from '../idempotency';
import { nextNumber } from '../numbering';
import type { DomainServices } from '../domain-services';
import { createCustomer } from '../customers';
import { acceptingUnit } from '../users';
import { parseInput } from '../../lib/validation/parse-input';
import { applicationInput, type ApplicationInput } from './application-input';
import { checkCapacityPlausible, refuseDuplicateOpenApplication } from './application-plausibility';
import { classifyApplication } from './classify-application';
import { documentNames, missingDocuments, requiredDocuments } from './required-documents';

const log = logger('business-expansion');

export const PROCESS_ID = 'business-expansion';

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

/**
 * A handover that was already submitted (a redelivered job of the handing-over case) answers the same application,
 * its process started now if it was not.
 */
async function alreadySubmitted(
  context: Pick<DomainServices, 'camunda'>,
  sourceReference: string,
): Promise<SubmittedApplication | undefined> {
  const application = await Application.findOne({ where: { sourceReference } });
  if (!application?.customerClass) return undefined;
  const { processInstanceKey } = await startApplicationProcess(context, application.applicationNo);
  return {
    applicationNo: application.applicationNo,
    processInstanceKey,
    customerId: application.customerId,
    customerClass: application.customerClass,
    requiredDocuments: [],
  };
}

export async function submitApplication(
  context: Pick<DomainServices, 'sequelize' | 'camunda'>,
  raw: unknown,
  submittedBy: string,
  idempotencyKey?: string,
): Promise<SubmittedApplication> {
  const input = parseInput(applicationInput, raw, '业扩申请');
  const handedOver = input.sourceReference ? await alreadySubmitted(context, input.sourceReference) : undefined;
  if (handedOver) return handedOver;
  const request = {
    key: idempotencyKey,
    login: submittedBy,
    scope: 'POST /business-expansion/applications',
    body: raw,
  };
  const answer = await createOnce(context.sequelize, request, {
    prepare: () => checkApplication(context, input),
    save: (transaction, checked) => saveApplication(input, checked, submittedBy, transaction),
    finish: async (applicationNo) => {
      const { application, processInstanceKey } = await startApplicationProcess(context, applicationNo);
      const customerClass = application.customerClass!;
      const body = {
        applicationNo,
        processInstanceKey,
        customerId: application.customerId,
        customerClass,
        requiredDocuments: requiredDocuments(customerClass, input.throughAgent),
      };
      return { status: 201, body };
    },
  });
  return answer.body;
}

interface CheckedApplication {
  applicant: Applicant;
  customerClass: string;
  facts: { voltage: string; category: string; province: string; dualSource: boolean };
}

/** The customer and account exist, the class the DMN gives, every document that class needs handed in. */
async function checkApplication(
  context: Pick<DomainServices, 'camunda'>,
  input: ApplicationInput,
): Promise<CheckedApplication> {
  const applicant: Applicant | null = input.customer ?? (await Customer.findByPk(input.customerId!));
  if (!applicant) throw notFound('客户 / customer', input.customerId!);
  const account = await existingAccount(input);
  const province = applicant.area.split('-')[0];
  const totalCapacityKva = input.capacityKva + (account?.capacityKva ?? 0);
  const facts = { voltage: input.voltage, category: input.category, province, dualSource: input.dualSource };
  await checkCapacityPlausible(context.camunda, {
    voltage: input.voltage,
    category: input.category,
    capacityKva: totalCapacityKva,
    increase: account !== undefined,
  });
  if (input.customerId !== undefined)
    await refuseDuplicateOpenApplication(context.camunda, input.customerId, input.address);
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
  return { applicant, customerClass, facts };
}

async function saveApplication(
  input: ApplicationInput,
  { applicant, customerClass, facts }: CheckedApplication,
  submittedBy: string,
  transaction: Transaction,
): Promise<string> {
  // The case belongs to the accepting clerk's unit (decision 0025).
  const unitCode = await acceptingUnit(submittedBy, applicant.area);
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
      customerClass,
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
  return application.applicationNo;
}

/**
 * Starts the process of a saved application, unless the engine already has it (decision 0024): the submission's
 * last step, and the repair of one whose start failed or was cut short by a crash.
 */
export async function startApplicationProcess(
  context: Pick<DomainServices, 'camunda'>,
  applicationNo: string,
): Promise<{ application: Application; processInstanceKey: string }> {
  const application = (await Application.findOne({ where: { applicationNo } }))!;
  if (application.processInstanceKey) return { application, processInstanceKey: application.processInstanceKey };
  const customer = (await Customer.findByPk(application.customerId))!;
  const account = application.accountId ? await Account.findByPk(application.accountId) : null;
  let processInstanceKey: string;
  try {
    ({ processInstanceKey } = await startProcessOnce(context.camunda, PROCESS_ID, {
      businessKey: applicationNo,
      applicationNo,
      applicationId: application.id,
      customerId: customer.id,
      customerName: customer.name,
      businessType: application.businessType,
      ...(application.accountId ? { accountId: application.accountId } : {}),
      address: application.address,
      capacityKva: Number(application.capacityKva),
      totalCapacityKva: Number(application.capacityKva) + Number(account?.capacityKva ?? 0),
      important: Boolean(customer.important),
      voltage: application.voltage,
      category: application.category,
      province: application.province,
      dualSource: Boolean(application.dualSource),
    }));
  } catch (error) {
    log.error('process start failed; the application waits for a retry or the start-up repair', { applicationNo });
    throw new AppError(
      503,
      'PROCESS_START_FAILED',
      `申请 ${applicationNo} 已保存，流程未能启动：请用同一 Idempotency-Key 重试，或待系统重启时补启 / application ${applicationNo} is saved but its process did not start: retry with the same Idempotency-Key, or it starts at the next start-up (${String(error)})`,
      { applicationNo },
    );
  }
  await application.update({ processInstanceKey });
  return { application, processInstanceKey };
}
