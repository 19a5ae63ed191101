/**
 * Deploys every model under bpmn/ (BPMN, DMN, forms) in one gRPC deployment through the SDK, so that call
 * activities, decisions and forms find each other. The engine keeps a resource's version when its content is
 * unchanged, so deploying at every start is harmless. Each deployment, or its failure, goes to the audit log.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { recordAudit } from '../domain/audit';
import type { CamundaClients } from '../lib/camunda/camunda-client';

export const MODELS_DIR = join(__dirname, '..', 'bpmn');

export function modelFiles(dir = MODELS_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(bpmn|dmn|form)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function resourceFor(file: string) {
  if (file.endsWith('.dmn')) return { decisionFilename: file };
  if (file.endsWith('.form')) return { formFilename: file };
  return { processFilename: file };
}

export async function deployModels(camunda: CamundaClients, files = modelFiles()): Promise<number> {
  if (files.length === 0) return 0;
  const audit = {
    actor: 'system',
    action: 'model.deploy',
    detail: { files: files.map((file) => relative(MODELS_DIR, file)) },
  };
  try {
    const deployment = await camunda.zeebe.deployResources(files.map(resourceFor));
    await recordAudit({ ...audit, target: `deployment:${deployment.key}` });
  } catch (error) {
    await recordAudit({ ...audit, outcome: 'failed', detail: { ...audit.detail, error: (error as Error).message } });
    throw error;
  }
  return files.length;
}
