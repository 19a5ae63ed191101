/**
 * The documents a step needs before it may be completed (decision 0034): the user task's `requiredDocuments`
 * property in the model (`zeebe:properties`, document kinds separated by commas). A kind counts as present when
 * the case has at least one file of it, uploaded on any of its steps or on the case.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { AppError } from '../../lib/errors/app-error';
import { DOCUMENT_KINDS, documentKindsOf } from '../documents';
import { listedIn, stepModel } from './step-declarations';

export const REQUIRED_DOCUMENTS_PROPERTY = 'requiredDocuments';

export interface TaskDocuments {
  required: { kind: string; name: string; present: boolean }[];
  /** The required kinds the case has no file of yet. */
  missing: string[];
}

/** The kinds the model asks of the task's step (none when it names none). */
export function requiredKindsIn(properties: Record<string, string>): string[] {
  return listedIn(properties, REQUIRED_DOCUMENTS_PROPERTY);
}

export async function taskDocuments(
  camunda: CamundaClients,
  task: Pick<EngineUserTask, 'processDefinitionKey' | 'elementId'>,
  businessKey: string | undefined,
): Promise<TaskDocuments> {
  const step = (await stepModel(camunda, task.processDefinitionKey)).get(task.elementId);
  const kinds = requiredKindsIn(step?.properties ?? {});
  if (kinds.length === 0) return { required: [], missing: [] };
  const present = businessKey ? await documentKindsOf(businessKey) : new Set<string>();
  const required = kinds.map((kind) => ({ kind, name: DOCUMENT_KINDS[kind] ?? kind, present: present.has(kind) }));
  return { required, missing: required.filter((entry) => !entry.present).map((entry) => entry.kind) };
}

/** 409 naming what is missing and where to upload it, before the engine is asked to complete the task. */
export function requireDocumentsPresent(task: Pick<EngineUserTask, 'name'>, documents: TaskDocuments): void {
  if (documents.missing.length === 0) return;
  const names = documents.required.filter((entry) => !entry.present).map((entry) => entry.name);
  throw new AppError(
    409,
    'DOCUMENTS_MISSING',
    `「${task.name}」须先上传资料：${names.join('、')}，请在任务页的“资料”中按类型上传后再办结 / this step needs these documents first: ${documents.missing.join(', ')} — upload them under Documents on the task, then complete it`,
    { missing: documents.missing },
  );
}
