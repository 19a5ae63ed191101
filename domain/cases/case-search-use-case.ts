/**
 * Finding cases across the three areas (业扩, 变更用电, 95598) in one list: by case or order number, customer name,
 * phone, ID number or address (`q`), or "my cases" — the ones the reader started or did a step of. Newest first,
 * paged on the server, only the reader's units (decision 0025), ID and phone numbers masked in every row: a
 * search by a whole ID number finds the case, the row shows it masked (decision 0032). The typed text is looked up
 * in the text index first, which narrows each table to the rows that may hold it (decision 0068).
 */
import { Op, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { Account, Customer } from '../../db/core/customer-models';
import { containing } from '../../db/text-search';
import { rowsMayContain } from '../../db/text-index/text-index';
import { WorkOrder, WorkOrderEvent } from '../../db/work-orders';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTasks } from '../../lib/camunda/engine-api';
import { maskIdNumber, maskPhone } from '../../lib/privacy/mask-pii';
import { z } from '../../lib/validation/zh-error-map';
import { scopeWhere, type ScopeUser } from '../users';
import { businessKeysOfInstances } from './instance-business-keys';
import type { CaseArea } from './case-lookup';

/** The user tasks searched for "did a step of": the reader's latest this many completed tasks. */
const WORKED_TASKS_LIMIT = 1000;

export const caseSearchInput = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  area: z.enum(['business-expansion', 'change-of-use', 'work-order']).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type CaseSearchInput = z.infer<typeof caseSearchInput>;

export interface CaseRow {
  caseNo: string;
  area: CaseArea;
  /** new | increase (业扩), the change type (变更用电), the order type (95598). */
  businessType: string;
  customerName: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  state: string;
  startedAt: string;
  startedBy: string | null;
}

export interface CaseSearchReader extends ScopeUser {
  login: string;
}

/** What narrows the list besides the unit scope: the typed text, or the reader's own cases. */
interface Filter {
  text?: string;
  /** The customers the text names, looked up once for the areas that keep customers. */
  customerIds?: Promise<number[]>;
  mine?: { login: string; caseKeys: string[] };
}

interface AreaPage {
  rows: CaseRow[];
  total: number;
  /** The area has more matches than it counted. */
  more: boolean;
}

const masked = (value: string | null | undefined, mask: (v: string) => string) => (value ? mask(value) : null);

/** Matches counted at most, as the engine's searches count (the screens show "10000+"). */
export const CASE_COUNT_LIMIT = 10_000;

type Keyed = Model & { id: number };

/**
 * The first `limit` rows matching `where` in `order`, and how many match (up to CASE_COUNT_LIMIT): one pass over the
 * table for both, reading only the ids in order, then the page's rows by id. A count beside the page would be a
 * second pass, and a search by part of a name reads every row (decision 0065).
 */
async function pageAndCount<M extends Keyed>(
  model: ModelStatic<M>,
  where: WhereOptions<M>,
  order: Order,
  limit: number,
): Promise<{ rows: M[]; total: number; more: boolean }> {
  const matches = (await model.findAll({
    attributes: ['id'],
    where,
    order,
    limit: CASE_COUNT_LIMIT + 1,
    raw: true,
  })) as unknown as {
    id: number;
  }[];
  const ids = matches.slice(0, limit).map((match) => match.id);
  const rows = ids.length ? await model.findAll({ where: { id: ids } as WhereOptions<M>, order }) : [];
  return { rows, total: Math.min(matches.length, CASE_COUNT_LIMIT), more: matches.length > CASE_COUNT_LIMIT };
}

/**
 * What the text index narrows a table to (decision 0068): the rows it says may hold the text, or else a row matching
 * one of `alternatives` (ids by column, each read by an index of its own); nothing to narrow by where the text is too
 * common, and the table is read. `none`: no row can match, the table need not be asked. The caller matches the text
 * itself as well.
 */
async function narrowedByIndex(
  model: Parameters<typeof rowsMayContain>[0],
  text: string,
  alternatives: Record<string, number[]> = {},
): Promise<{ where: WhereOptions[]; none: boolean }> {
  const ids = await rowsMayContain(model, text);
  if (ids === undefined) return { where: [], none: false };
  const others = Object.entries(alternatives).filter(([, values]) => values.length > 0);
  if (ids.length === 0 && others.length === 0) return { where: [], none: true };
  return {
    where: [{ [Op.or]: [{ id: ids }, ...others.map(([column, values]) => ({ [column]: values }))] }],
    none: false,
  };
}

const NO_ROWS: AreaPage = { rows: [], total: 0, more: false };

/** Customers matching the text: a part of the name, or the whole phone, ID or customer number. */
async function customerIdsMatching(text: string): Promise<number[]> {
  const narrowed = await narrowedByIndex(Customer, text);
  if (narrowed.none) return [];
  const found = await Customer.findAll({
    attributes: ['id'],
    where: {
      [Op.and]: [
        ...narrowed.where,
        {
          [Op.or]: [
            { name: containing(Customer.sequelize!, text) },
            { phone: text },
            { idNumber: text.toUpperCase() },
            { customerNo: text },
          ],
        },
      ],
    },
  });
  return found.map((customer) => customer.id);
}

/** Accounts whose address holds the text. */
async function accountIdsMatching(text: string): Promise<number[]> {
  const narrowed = await narrowedByIndex(Account, text);
  if (narrowed.none) return [];
  const found = await Account.findAll({
    attributes: ['id'],
    where: { [Op.and]: [...narrowed.where, { address: containing(Account.sequelize!, text) }] },
  });
  return found.map((account) => account.id);
}

/** A counter application of the reader's: submitted by them, or a case they did a step of. */
const startedOrWorkedBy = (mine: NonNullable<Filter['mine']>) => ({
  [Op.or]: [{ submittedBy: mine.login }, { applicationNo: mine.caseKeys }],
});

const NEWEST_APPLICATIONS_FIRST: [string, string][] = [
  ['submittedAt', 'DESC'],
  ['id', 'DESC'],
];

/** A row's customer columns, the phone and ID number masked (decision 0025). */
const customerColumns = (customer: Customer | undefined) => ({
  customerName: customer?.name ?? null,
  phone: masked(customer?.phone, maskPhone),
  idNumber: masked(customer?.idNumber, maskIdNumber),
});

async function customersById(ids: number[]): Promise<Map<number, Customer>> {
  if (ids.length === 0) return new Map();
  const customers = await Customer.findAll({ where: { id: [...new Set(ids)] } });
  return new Map(customers.map((customer) => [customer.id, customer]));
}

async function expansionPage(reader: ScopeUser, filter: Filter, limit: number): Promise<AreaPage> {
  const where: WhereOptions<Application>[] = [await scopeWhere(reader)];
  if (filter.text) {
    const like = containing(Application.sequelize!, filter.text);
    const customerIds = await filter.customerIds!;
    const narrowed = await narrowedByIndex(Application, filter.text, { customerId: customerIds });
    if (narrowed.none) return NO_ROWS;
    where.push(...narrowed.where);
    where.push({ [Op.or]: [{ applicationNo: like }, { address: like }, { customerId: customerIds }] });
  }
  if (filter.mine) where.push(startedOrWorkedBy(filter.mine));
  const { rows, total, more } = await pageAndCount(Application, { [Op.and]: where }, NEWEST_APPLICATIONS_FIRST, limit);
  const customers = await customersById(rows.map((row) => row.customerId));
  return {
    total,
    more,
    rows: rows.map((row) => {
      const customer = customers.get(row.customerId);
      return {
        caseNo: row.applicationNo,
        area: 'business-expansion',
        businessType: row.businessType,
        ...customerColumns(customer),
        address: row.address,
        state: row.state,
        startedAt: row.submittedAt.toISOString(),
        startedBy: row.submittedBy,
      };
    }),
  };
}

async function changePage(reader: ScopeUser, filter: Filter, limit: number): Promise<AreaPage> {
  const where: WhereOptions<ChangeApplication>[] = [await scopeWhere(reader)];
  if (filter.text) {
    const customerIds = await filter.customerIds!;
    const accountIds = await accountIdsMatching(filter.text);
    const narrowed = await narrowedByIndex(ChangeApplication, filter.text, {
      customerId: customerIds,
      accountId: accountIds,
    });
    if (narrowed.none) return NO_ROWS;
    where.push(...narrowed.where);
    where.push({
      [Op.or]: [
        { applicationNo: containing(ChangeApplication.sequelize!, filter.text) },
        { customerId: customerIds },
        { accountId: accountIds },
      ],
    });
  }
  if (filter.mine) where.push(startedOrWorkedBy(filter.mine));
  const { rows, total, more } = await pageAndCount(
    ChangeApplication,
    { [Op.and]: where },
    NEWEST_APPLICATIONS_FIRST,
    limit,
  );
  const customers = await customersById(rows.map((row) => row.customerId));
  const accounts = new Map(
    (rows.length ? await Account.findAll({ where: { id: rows.map((row) => row.accountId) } }) : []).map((account) => [
      account.id,
      account,
    ]),
  );
  return {
    total,
    more,
    rows: rows.map((row) => {
      const customer = customers.get(row.customerId);
      return {
        caseNo: row.applicationNo,
        area: 'change-of-use',
        businessType: row.changeType,
        ...customerColumns(customer),
        address: accounts.get(row.accountId)?.address ?? null,
        state: row.status,
        startedAt: row.submittedAt.toISOString(),
        startedBy: row.submittedBy,
      };
    }),
  };
}

async function workOrderPage(reader: ScopeUser, filter: Filter, limit: number): Promise<AreaPage> {
  const where: WhereOptions<WorkOrder>[] = [await scopeWhere(reader, 'handlingUnit')];
  if (filter.text) {
    const like = containing(WorkOrder.sequelize!, filter.text);
    // The whole phone is indexed as well: the index narrows every alternative below.
    const narrowed = await narrowedByIndex(WorkOrder, filter.text);
    if (narrowed.none) return NO_ROWS;
    where.push(...narrowed.where);
    where.push({
      [Op.or]: [{ orderNo: like }, { customerName: like }, { address: like }, { phone: filter.text }],
    });
  }
  if (filter.mine) {
    const created = await WorkOrderEvent.findAll({
      attributes: ['orderNo'],
      where: { kind: 'created', actor: filter.mine.login },
    });
    where.push({ orderNo: [...created.map((event) => event.orderNo), ...filter.mine.caseKeys] });
  }
  const { rows, total, more } = await pageAndCount(
    WorkOrder,
    { [Op.and]: where },
    [
      ['acceptedAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit,
  );
  const creators = rows.length
    ? await WorkOrderEvent.findAll({ where: { kind: 'created', orderNo: rows.map((row) => row.orderNo) } })
    : [];
  const createdBy = new Map(creators.map((event) => [event.orderNo, event.actor]));
  return {
    total,
    more,
    rows: rows.map((row) => ({
      caseNo: row.orderNo,
      area: 'work-order',
      businessType: row.orderType,
      customerName: row.customerName,
      phone: masked(row.phone, maskPhone),
      idNumber: null,
      address: row.address,
      state: row.state,
      startedAt: row.acceptedAt.toISOString(),
      startedBy: createdBy.get(row.orderNo) ?? null,
    })),
  };
}

const AREA_PAGES: Record<CaseArea, (reader: ScopeUser, filter: Filter, limit: number) => Promise<AreaPage>> = {
  'business-expansion': expansionPage,
  'change-of-use': changePage,
  'work-order': workOrderPage,
};

/**
 * One page of the areas' cases merged newest first: each area answers its first `page × size` rows and its count,
 * so the merged page is exact (page depth is bounded by the input's limits).
 */
async function mergedPage(reader: ScopeUser, filter: Filter, input: CaseSearchInput) {
  const areas = input.area ? [input.area] : (Object.keys(AREA_PAGES) as CaseArea[]);
  // Work orders keep their caller's name and phone themselves; the other areas share one customer lookup.
  if (filter.text && areas.some((area) => area !== 'work-order'))
    filter = { ...filter, customerIds: customerIdsMatching(filter.text) };
  const pages = await Promise.all(areas.map((area) => AREA_PAGES[area](reader, filter, input.page * input.size)));
  const rows = pages
    .flatMap((page) => page.rows)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.caseNo.localeCompare(a.caseNo));
  const start = (input.page - 1) * input.size;
  return {
    items: rows.slice(start, start + input.size),
    total: pages.reduce((sum, page) => sum + page.total, 0),
    /** An area stopped counting at CASE_COUNT_LIMIT: `total` is a lower bound. */
    totalAtLeast: pages.some((page) => page.more),
    page: input.page,
    size: input.size,
  };
}

/** Cases matching `q` (every case in the reader's units without it). */
export async function searchCases(reader: ScopeUser, input: CaseSearchInput) {
  return mergedPage(reader, { text: input.q }, input);
}

/**
 * The business keys of the cases whose user tasks the reader completed (the engine's task search; the latest
 * WORKED_TASKS_LIMIT tasks).
 */
async function casesWorkedBy(camunda: CamundaClients, login: string): Promise<string[]> {
  const tasks = await searchUserTasks(camunda, {
    filter: { assignee: login, state: 'COMPLETED' },
    sort: [{ field: 'creationDate', order: 'DESC' }],
    page: { limit: WORKED_TASKS_LIMIT },
  });
  const instances = [...new Set(tasks.map((task) => String(task.processInstanceKey)))];
  return [...new Set((await businessKeysOfInstances(camunda, instances)).values())];
}

/** The reader's cases: started by them (accepted at the counter, or the order taken) or with a step they did. */
export async function myCases(camunda: CamundaClients, reader: CaseSearchReader, input: CaseSearchInput) {
  const caseKeys = await casesWorkedBy(camunda, reader.login);
  return mergedPage(reader, { text: input.q, mine: { login: reader.login, caseKeys } }, input);
}
