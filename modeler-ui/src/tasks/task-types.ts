/** The tasklist API's answers (GET /api/tasks, GET /api/tasks/{key}) as the screens read them. */
export type DueState = 'ok' | 'warning' | 'overdue' | 'none';
export type Scope = 'mine' | 'group' | 'unassigned' | 'completed';
export const SCOPES: Scope[] = ['mine', 'group', 'unassigned', 'completed'];
export const AREAS = ['business-expansion', 'change-of-use', 'work-order'] as const;
export const DUE_STATES: DueState[] = ['ok', 'warning', 'overdue', 'none'];
export const PRIORITIES = ['high', 'normal', 'low'] as const;
/** The list's filters as URL parameters, passed on to GET /api/tasks as they are. */
export const FILTERS = [
  'area',
  'businessType',
  'processId',
  'step',
  'dueState',
  'priority',
  'caseNo',
  'customer',
  'createdFrom',
  'createdTo',
  'dueFrom',
  'dueTo',
] as const;

export interface TaskRow {
  userTaskKey: string;
  name: string;
  elementId: string;
  state: string;
  assignee?: string;
  candidateGroups?: string[];
  processDefinitionId: string;
  processInstanceKey: string;
  priority?: number;
  dueDate?: string;
  creationDate: string;
  completionDate?: string;
  case: {
    businessKey: string | null;
    customerName: string | null;
    address: string | null;
    businessType: string | null;
  };
  timeLimit: {
    state: DueState;
    dueDate: string | null;
    warnDate: string | null;
    /** Left of the limit in the business calendar, in the step limit's unit; negative once overdue. */
    left: { amount: number; unit: 'WD' | 'CD' | 'H' | 'MIN' } | null;
  };
}

export interface TaskPage {
  items: TaskRow[];
  total: number;
  /** `total` is a lower bound: the engine stopped counting at its limit (10,000). */
  totalAtLeast: boolean;
  page: number;
  size: number;
  /** The application's clock when the page was read: time left is counted from it. */
  now: string;
  /** Limits that may have left matching tasks out: too many customers matched the customer filter. */
  capped: 'customer'[];
}

/** What the user may do with the task now, as the API judges it (decision 0033). */
export interface TaskActionsAllowed {
  claim: boolean;
  unclaim: boolean;
  complete: boolean;
  assign: boolean;
  returnTo: { elementId: string; name: string }[];
  withdraw: boolean;
}

export interface TaskDetails extends Omit<TaskRow, 'case' | 'timeLimit'> {
  variables: Record<string, unknown>;
  /** The documents the step requires, each present in the case or not (missing: the kinds not present). */
  documents: { required: { kind: string; name: string; present: boolean }[]; missing: string[] };
  actions: TaskActionsAllowed;
}
