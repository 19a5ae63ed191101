/**
 * The tasklist's query as one filter of the engine's user-task search (REST v2 `/user-tasks/search`), so that the
 * engine filters, sorts, counts and pages (decision 0031): the scope by assignee and `candidateGroup: { $in: roles }`,
 * the process, step, priority and dates by the task's own fields, the case and customer by the instance's
 * `businessKey` variable, the unit scope by leaving out the instances of other units' cases, and the time-limit
 * states overdue and none by the due date against the application's clock.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { chinaDaysFilter as dayRange } from '../../lib/calendar';
import { validationError } from '../../lib/errors/app-error';
import { caseKeysOutOfScope, customerCaseKeys, instancesOfCases } from '../cases';
import type { TaskListInput, TaskUser } from './task-list';

/** The variable each business area names its business type with. */
const BUSINESS_TYPE_VARIABLE: Record<NonNullable<TaskListInput['area']>, string> = {
  'business-expansion': 'businessType',
  'change-of-use': 'changeType',
  'work-order': 'orderType',
};

/** Zeebe priorities run 0–100 and the processes use 50 as normal (as the screen's labels say). */
const PRIORITY = { high: { $gt: 50 }, normal: 50, low: { $lt: 50 } } as const;

type Range = { $gte?: string; $lt?: string };

/** Two ranges as one: the later start, the earlier end. */
function intersect(a: Range | undefined, b: Range): Range {
  const later = (x?: string, y?: string) => (x && y ? (Date.parse(x) > Date.parse(y) ? x : y) : (x ?? y));
  const earlier = (x?: string, y?: string) => (x && y ? (Date.parse(x) < Date.parse(y) ? x : y) : (x ?? y));
  const range: Range = {};
  const start = later(a?.$gte, b.$gte);
  const end = earlier(a?.$lt, b.$lt);
  if (start) range.$gte = start;
  if (end) range.$lt = end;
  return range;
}

/**
 * The due-date condition: the asked range, narrowed by the time-limit state. Overdue is due at or before `now`;
 * ok and warning are due after it (which of the two needs the step's warn date, read afterwards); none has no
 * due date.
 */
function dueDateFilter(input: TaskListInput, now: number): Record<string, unknown> | undefined {
  const asked = dayRange(input.dueFrom, input.dueTo);
  const afterNow = new Date(now + 1).toISOString();
  switch (input.dueState) {
    case 'overdue':
      return intersect(asked, { $lt: afterNow });
    case 'ok':
    case 'warning':
      return intersect(asked, { $gte: afterNow });
    case 'none':
      return { ...asked, $exists: false };
    default:
      return asked;
  }
}

const jsonText = (value: string) => JSON.stringify(value);

function scopeFilter(user: TaskUser, input: TaskListInput): Record<string, unknown> {
  if (input.scope === 'mine') return { assignee: user.login, state: 'CREATED' };
  if (input.scope === 'completed') return { assignee: user.login, state: 'COMPLETED' };
  return {
    state: 'CREATED',
    ...(user.roles.includes('admin') ? {} : { candidateGroup: { $in: user.roles } }),
    ...(input.scope === 'unassigned' ? { assignee: { $exists: false } } : {}),
  };
}

/** A limit that may have left matching tasks out: too many customers or cases matched the customer filter. */
export type TaskListCap = 'customer';

/**
 * The engine's filter (null when nothing can match: a customer with no case, a state finished tasks never have),
 * and the limits that may have left matching tasks out of it, said to the user rather than hidden.
 */
export async function taskSearchFilter(
  camunda: CamundaClients,
  user: TaskUser,
  input: TaskListInput,
  now: number,
): Promise<{ filter: Record<string, unknown> | null; capped: TaskListCap[] }> {
  const customer = input.customer ? await customerCaseKeys(input.customer) : undefined;
  return {
    filter: await engineFilter(camunda, user, input, now, customer?.keys),
    capped: customer?.capped ? ['customer'] : [],
  };
}

/** `customerCases`: the case numbers of the customer filter, when there is one. */
async function engineFilter(
  camunda: CamundaClients,
  user: TaskUser,
  input: TaskListInput,
  now: number,
  customerCases: string[] | undefined,
): Promise<Record<string, unknown> | null> {
  const filter: Record<string, unknown> = scopeFilter(user, input);
  const variables: Array<{ name: string; value: unknown }> = [];
  const instance: Record<string, unknown> = {};
  if (input.processInstanceKey) instance.$eq = input.processInstanceKey;
  if (input.processId) filter.processDefinitionId = input.processId;
  else if (input.area) filter.processDefinitionId = { $like: `${input.area}*` };
  if (input.businessType) {
    if (!input.area)
      throw validationError('按业务类型筛选需先选择业务 / choose the business area to filter by business type', [
        { field: 'businessType', message: '需与 area 一同使用 / needs area' },
      ]);
    variables.push({ name: BUSINESS_TYPE_VARIABLE[input.area], value: jsonText(input.businessType) });
  }
  if (input.step) filter.elementId = input.step;
  if (input.priority) filter.priority = PRIORITY[input.priority];
  const created = dayRange(input.createdFrom, input.createdTo);
  if (created) filter.creationDate = created;
  if (input.scope === 'completed') {
    // A finished task has no time-limit state left: only "none" matches it.
    if (input.dueState && input.dueState !== 'none') return null;
    const due = dayRange(input.dueFrom, input.dueTo);
    if (due) filter.dueDate = due;
  } else {
    const due = dueDateFilter(input, now);
    if (due) filter.dueDate = due;
  }
  if (input.caseNo) variables.push({ name: 'businessKey', value: jsonText(input.caseNo) });
  if (customerCases) {
    if (customerCases.length === 0) return null;
    variables.push({ name: 'businessKey', value: { $in: customerCases.map(jsonText) } });
  }
  // Other units' cases are left out by their instances, so tasks of no known case stay (decision 0025).
  const outside = await instancesOfCases(camunda, await caseKeysOutOfScope(user));
  if (outside.length) instance.$notIn = outside;
  if (Object.keys(instance).length) filter.processInstanceKey = instance;
  if (variables.length) filter.processInstanceVariables = variables;
  return filter;
}
