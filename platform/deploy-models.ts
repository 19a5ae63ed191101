/**
 * Deploys every model under bpmn/ (BPMN, DMN, forms) in one gRPC deployment through the SDK, so that call
 * activities, decisions and forms find each other. The engine keeps a resource's version when its content is
 * unchanged, so deploying at every start is harmless. A resource an analyst has deployed since keeps the analyst's
 * version at a restart, unless its file changed since the file was last deployed (a developer's change then wins,
 * decision 0043). Each new version is recorded for the modeler; the deployment, or its failure, is audited.
 */
import { readFileSync } from 'node:fs';
import { Op } from 'sequelize';
import { ModelVersion } from '../db/modeling/modeling-models';
import { recordAudit } from '../domain/audit';
import { deployContents, recordVersions, type ModelContent } from '../domain/modeling';
import { fileResource } from '../domain/modeling/model-resources';
import type { CamundaClients } from '../lib/camunda/camunda-client';
import { MODELS_DIR, modelFiles } from '../lib/models/model-files';

export { MODELS_DIR, modelFiles };

/** What a file's resource deploys at start, and whether that is the file (a new or changed file) or a version. */
async function contentAtStart(file: string): Promise<ModelContent & { fromFile: boolean }> {
  const resource = fileResource(file);
  const content = readFileSync(file, 'utf8');
  const newest = (where: object) =>
    ModelVersion.findOne({ where: { resource, ...where }, order: [['version', 'DESC']] });
  const lastFromFile = await newest({ source: 'file' });
  if (lastFromFile?.content !== content) return { resource, content, fromFile: true };
  const later = await newest({ version: { [Op.gt]: lastFromFile.version } });
  return later ? { resource, content: later.content, fromFile: false } : { resource, content, fromFile: true };
}

export async function deployModels(camunda: CamundaClients, files = modelFiles()): Promise<number> {
  if (files.length === 0) return 0;
  const contents = await Promise.all(files.map(contentAtStart));
  const audit = {
    actor: 'system',
    action: 'model.deploy',
    detail: { files: contents.map((item) => item.resource) },
  };
  try {
    const { deploymentKey, versions } = await deployContents(camunda, contents);
    const record = { deploymentKey, deployedBy: 'system', comment: '启动时部署 / deployed at start' };
    await recordVersions(
      versions.filter((version) => contents.find((item) => item.resource === version.resource)!.fromFile),
      contents,
      { ...record, source: 'file' },
    );
    await recordAudit({ ...audit, target: `deployment:${deploymentKey}` });
  } catch (error) {
    await recordAudit({ ...audit, outcome: 'failed', detail: { ...audit.detail, error: (error as Error).message } });
    throw error;
  }
  return files.length;
}
