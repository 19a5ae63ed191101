/**
 * Deploying model contents through the SDK and recording each resource's engine version with who deployed it,
 * when and why. The engine keeps a version when a resource's content is unchanged; only new versions are recorded.
 */
import { ModelVersion } from '../../db/modeling/modeling-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { notFound } from '../../lib/errors/app-error';
import { engineResourceName, kindOf } from './model-resources';

export interface ModelContent {
  resource: string;
  content: string;
}

export interface DeployedVersion {
  resource: string;
  version: number;
  definitionKey: string;
}

type Resource = Parameters<CamundaClients['zeebe']['deployResources']>[0][number];

/** The parts of a deployment answer's entries read here (the SDK's types are not exported by name). */
interface Deployment {
  process?: { processDefinitionKey: string; version: number; resourceName: string };
  decisionRequirements?: { decisionRequirementsKey: string; version: number; resourceName: string };
  form?: { formKey: string; version: number; resourceName: string };
}

/** The resource's definition in the engine's answer: a BPMN file's process, a DMN file's requirements graph. */
function versionOf(entry: Deployment): { resourceName: string; version: number; key: string } | undefined {
  const { process, decisionRequirements: graph, form } = entry;
  if (process)
    return { resourceName: process.resourceName, version: process.version, key: process.processDefinitionKey };
  if (graph) return { resourceName: graph.resourceName, version: graph.version, key: graph.decisionRequirementsKey };
  if (form) return { resourceName: form.resourceName, version: form.version, key: form.formKey };
  return undefined;
}

function resourceFor({ resource, content }: ModelContent): Resource {
  const name = engineResourceName(resource);
  const buffer = Buffer.from(content, 'utf8');
  const kind = kindOf(resource);
  return kind === 'dmn'
    ? { name, decision: buffer }
    : kind === 'form'
      ? { name, form: buffer }
      : { name, process: buffer };
}

/** One deployment of all the contents (so that what refers to each other arrives together). */
export async function deployContents(
  camunda: CamundaClients,
  contents: ModelContent[],
): Promise<{ deploymentKey: string; versions: DeployedVersion[] }> {
  const answer = await camunda.zeebe.deployResources(contents.map(resourceFor));
  const byName = new Map(contents.map((item) => [engineResourceName(item.resource), item.resource]));
  const versions: DeployedVersion[] = [];
  for (const entry of answer.deployments as Deployment[]) {
    const found = versionOf(entry);
    const resource = found && byName.get(found.resourceName);
    if (!found || !resource || versions.some((seen) => seen.resource === resource)) continue;
    versions.push({ resource, version: Number(found.version), definitionKey: String(found.key) });
  }
  return { deploymentKey: String(answer.key), versions };
}

export interface VersionRecord {
  deploymentKey: string;
  source: 'file' | 'analyst';
  deployedBy: string;
  comment: string;
}

/** Records the versions not recorded yet; answers the ones it recorded. */
export async function recordVersions(
  deployed: DeployedVersion[],
  contents: ModelContent[],
  record: VersionRecord,
): Promise<ModelVersion[]> {
  const recorded: ModelVersion[] = [];
  for (const { resource, version, definitionKey } of deployed) {
    if (await ModelVersion.findOne({ where: { resource, version } })) continue;
    const content = contents.find((item) => item.resource === resource)!.content;
    recorded.push(
      await ModelVersion.create({ resource, version, definitionKey, content, deployedAt: new Date(), ...record }),
    );
  }
  return recorded;
}

export const versionSummary = (row: ModelVersion) => ({
  version: row.version,
  definitionKey: row.definitionKey,
  deploymentKey: row.deploymentKey,
  source: row.source,
  deployedBy: row.deployedBy,
  deployedAt: row.deployedAt.toISOString(),
  comment: row.comment,
});

export async function listVersions(resource: string) {
  const rows = await ModelVersion.findAll({ where: { resource }, order: [['version', 'DESC']] });
  return { items: rows.map(versionSummary) };
}

export async function versionContent(resource: string, version: number) {
  const row = await ModelVersion.findOne({ where: { resource, version } });
  if (!row) throw notFound('模型版本 / model version', `${resource} v${version}`);
  return { ...versionSummary(row), content: row.content };
}
