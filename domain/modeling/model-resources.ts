/**
 * A model resource is a file under bpmn/ named by its path there (`business-expansion/high-reliability-fee.dmn`,
 * `business-expansion/forms/survey.form`); its kind comes from the extension. What runs now is the latest version
 * deployed (recorded in model_versions) or, before anything is recorded, the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ModelDraft, ModelVersion } from '../../db/modeling/modeling-models';
import { notFound, validationError } from '../../lib/errors/app-error';
import { MODELS_DIR, modelFiles } from '../../lib/models/model-files';

export type ModelKind = 'bpmn' | 'dmn' | 'form';

const RESOURCE = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.(bpmn|dmn|form)$/;

export function checkedResource(resource: string): string {
  if (!RESOURCE.test(resource) || resource.length > 160)
    throw validationError(`模型资源名无效 / not a model resource name: ${resource}`, [
      { field: 'resource', message: 'area/name.bpmn, .dmn or .form in lower case' },
    ]);
  return resource;
}

export const kindOf = (resource: string): ModelKind => resource.slice(resource.lastIndexOf('.') + 1) as ModelKind;

/** The name the engine knows the resource by: its file name, as the deployment at start has always given it. */
export const engineResourceName = (resource: string): string => resource.slice(resource.lastIndexOf('/') + 1);

export function fileResource(path: string): string {
  return relative(MODELS_DIR, path).split('\\').join('/');
}

export function fileContent(resource: string): string | undefined {
  const path = join(MODELS_DIR, resource);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export async function latestVersion(resource: string): Promise<ModelVersion | null> {
  return ModelVersion.findOne({ where: { resource }, order: [['version', 'DESC']] });
}

/** What runs now: the latest deployed version's content, else the file's. */
export async function currentContent(resource: string): Promise<string> {
  const content = (await latestVersion(resource))?.content ?? fileContent(resource);
  if (content === undefined) throw notFound('模型 / model', resource);
  return content;
}

/** Every resource: the files under bpmn/ and those only analysts made (imported, with a draft or a version). */
export async function allResources(): Promise<string[]> {
  const found = new Set(modelFiles().map(fileResource));
  for (const row of await ModelVersion.findAll({ attributes: ['resource'], group: ['resource'] }))
    found.add(row.resource);
  for (const row of await ModelDraft.findAll({ attributes: ['resource'] })) found.add(row.resource);
  return [...found].sort();
}
