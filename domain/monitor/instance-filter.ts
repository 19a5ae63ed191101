/**
 * The monitor's instance list as one filter of the engine's process-instance search, so that the engine filters,
 * sorts, counts and pages: process, version and dates by the instance's own fields; case number, business type and
 * any variable by the instance's variables; customer, unit and overdue by the business keys the application's
 * records name; the unit scope by leaving out other units' cases (decision 0025). Cases are their root instances
 * unless a process is chosen (the 业扩 class processes are called ones).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { chinaDaysFilter, isDayString } from '../../lib/calendar';
import { validationError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { caseKeysOfUnit, caseKeysOutOfScope, customerCaseKeys, instancesOfCases } from '../cases';
import type { ScopeUser } from '../users';
import { jsonText, TYPED_PROCESSES } from './monitored-processes';
import { overdueCases } from './overdue-steps';

const day = z.string().refine(isDayString, '日期格式应为 YYYY-MM-DD / a date as YYYY-MM-DD').optional();

export const INSTANCE_STATES = ['running', 'completed', 'cancelled', 'incident', 'overdue'] as const;
export const INSTANCE_SORTS = ['startDate', 'endDate', 'processDefinitionId', 'state'] as const;

export const instanceListInput = z.object({
  caseNo: z.string().trim().min(1).max(50).optional(),
  customer: z.string().trim().min(1).max(50).optional(),
  processId: z
    .string()
    .regex(/^[\w-]{1,100}$/)
    .optional(),
  version: z.coerce.number().int().min(1).max(100_000).optional(),
  businessType: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .optional(),
  state: z.enum(INSTANCE_STATES).optional(),
  startedFrom: day,
  startedTo: day,
  endedFrom: day,
  endedTo: day,
  unit: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .optional(),
  variable: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/)
    .optional(),
  value: z.string().max(200).optional(),
  sort: z.enum(INSTANCE_SORTS).default('startDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type InstanceListInput = z.infer<typeof instanceListInput>;

const ENGINE_STATES = { running: 'ACTIVE', completed: 'COMPLETED', cancelled: 'TERMINATED' } as const;

/** Camunda's `$like` with the typed text as a part of the value (its wildcards escaped). */
const containingText = (text: string) => ({
  $like: `*${jsonText(text)
    .slice(1, -1)
    .replace(/[*?\\]/g, '\\$&')}*`,
});

/** What a manager types as a variable's value: JSON when it reads as JSON (a number, true), else a string. */
function variableValue(typed: string): string {
  try {
    return JSON.stringify(JSON.parse(typed));
  } catch {
    return jsonText(typed);
  }
}

/**
 * What the query's fields cannot say one by one: a variable comes with its value, a period does not end before it
 * starts, a business type belongs to the chosen process. Each a 400 naming the field, never a filter left out.
 */
export function requireConsistentFilter(input: InstanceListInput): void {
  const wrong: { field: string; message: string }[] = [];
  if (input.variable && input.value === undefined)
    wrong.push({ field: 'value', message: '请填写变量的值 / the variable needs a value' });
  if (input.value !== undefined && !input.variable)
    wrong.push({ field: 'variable', message: '请填写变量名 / the value needs a variable name' });
  for (const [from, to] of [
    ['startedFrom', 'startedTo'],
    ['endedFrom', 'endedTo'],
  ] as const)
    if (input[from] && input[to] && input[from] > input[to])
      wrong.push({ field: to, message: '结束日期早于开始日期 / the period ends before it starts' });
  const typed = input.processId ? TYPED_PROCESSES[input.processId] : undefined;
  if (input.businessType && !typed?.types.includes(input.businessType))
    wrong.push({
      field: 'businessType',
      message: typed
        ? `该流程没有此业务类型 / the process has no such type (${typed.types.join(', ')})`
        : '业务类型须与其流程同选 / a business type goes with its process (business-expansion, change-of-use, work-order)',
    });
  if (wrong.length)
    throw validationError(
      `流程实例查询参数不正确 / invalid input — ${wrong.map((w) => `${w.field}: ${w.message}`).join('; ')}`,
      wrong,
    );
}

/** A limit that shortened the answer: more customers matched, or more tasks were overdue, than were looked at. */
export type ListCap = 'customer' | 'overdue';

/** The business keys the filter narrows to (the intersection of those asked; undefined: no narrowing). */
async function keysAsked(
  camunda: CamundaClients,
  input: InstanceListInput,
): Promise<{ keys: string[] | undefined; capped: ListCap[] }> {
  const sets: Promise<{ keys: string[]; capped?: ListCap }>[] = [];
  if (input.customer)
    sets.push(
      customerCaseKeys(input.customer).then(({ keys, capped }) => ({ keys, capped: capped ? 'customer' : undefined })),
    );
  if (input.unit) sets.push(caseKeysOfUnit(input.unit).then((keys) => ({ keys })));
  if (input.state === 'overdue')
    sets.push(
      overdueCases(camunda).then(({ caseKeys, capped }) => ({
        keys: caseKeys,
        capped: capped ? 'overdue' : undefined,
      })),
    );
  if (sets.length === 0) return { keys: undefined, capped: [] };
  const [first, ...rest] = await Promise.all(sets);
  return {
    keys: first.keys.filter((key) => rest.every((other) => other.keys.includes(key))),
    capped: [first, ...rest].flatMap((set) => (set.capped ? [set.capped] : [])),
  };
}

/**
 * The engine filter (null when nothing can match: a customer with no case) and the limits that may have left
 * instances out of it.
 */
export async function instanceSearchFilter(
  camunda: CamundaClients,
  reader: ScopeUser,
  input: InstanceListInput,
): Promise<{ filter: Record<string, unknown> | null; capped: ListCap[] }> {
  const filter: Record<string, unknown> = {};
  const variables: { name: string; value: unknown }[] = [];
  if (input.processId) filter.processDefinitionId = input.processId;
  else filter.parentProcessInstanceKey = { $exists: false };
  if (input.version) filter.processDefinitionVersion = input.version;
  if (input.state === 'incident') filter.hasIncident = true;
  if (input.state === 'incident' || input.state === 'overdue') filter.state = 'ACTIVE';
  else if (input.state) filter.state = ENGINE_STATES[input.state];
  const started = chinaDaysFilter(input.startedFrom, input.startedTo);
  if (started) filter.startDate = started;
  const ended = chinaDaysFilter(input.endedFrom, input.endedTo);
  if (ended) filter.endDate = ended;
  // Case and order numbers are written in capitals (YK…, GD…); what is typed is matched in capitals, so that the
  // engine's LIKE finds it whether its database compares case (MariaDB's binary text) or not (SQLite).
  if (input.caseNo) variables.push({ name: 'businessKey', value: containingText(input.caseNo.toUpperCase()) });
  const typed = input.processId ? TYPED_PROCESSES[input.processId] : undefined;
  if (input.businessType && typed) variables.push({ name: typed.variable, value: jsonText(input.businessType) });
  if (input.variable && input.value !== undefined)
    variables.push({ name: input.variable, value: variableValue(input.value) });
  const { keys, capped } = await keysAsked(camunda, input);
  if (keys?.length === 0) return { filter: null, capped };
  if (keys) variables.push({ name: 'businessKey', value: { $in: keys.map(jsonText) } });
  if (variables.length) filter.variables = variables;
  // Other units' cases are left out by their instances, so instances of no known case stay (decision 0025).
  const outside = await instancesOfCases(camunda, await caseKeysOutOfScope(reader));
  if (outside.length) filter.processInstanceKey = { $notIn: outside };
  return { filter, capped };
}
