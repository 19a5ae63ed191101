import { createHash } from 'node:crypto';
import type { ResourceInput } from '../../engine-api';
import { parseDmn, type DecisionRequirementsGraph } from '../../dmn';
import { invalidArgument } from '../../errors';
import { transformBpmn } from '../../model/bpmn-transformer';
import { ModelValidationError } from '../../model/model-validation-error';
import type { ParsedResource } from '../commands';

const BPMN_EXTENSIONS = ['.bpmn', '.bpmn20.xml', '.xml'];

/**
 * Parses and validates one deployed resource outside the single writer (parsing is asynchronous): BPMN into
 * executable processes, DMN into its decisions, a Camunda form into its id and schema. Anything unfit is INVALID_ARGUMENT naming it.
 */
export async function parseResource(resource: ResourceInput): Promise<ParsedResource> {
  const name = resource.name ?? '';
  const lower = name.toLowerCase();
  const content = resource.content.toString('utf8');
  const checksum = createHash('sha256').update(resource.content).digest('hex');
  if (lower.endsWith('.form')) return { name, content, checksum, processes: [], form: parseForm(name, content) };
  if (lower.endsWith('.dmn'))
    return { name, content, checksum, processes: [], drg: await parseDecisions(name, content) };
  if (!BPMN_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    throw invalidArgument(`Expected to deploy a .bpmn, .xml, .dmn or .form resource, but '${name}' is none of these`);
  }
  try {
    const processes = await transformBpmn(name, content, {
      onDiagramWarning: (warning) => console.warn(`engine: deploying '${name}': ${warning}`),
    });
    return { name, content, checksum, processes };
  } catch (error) {
    if (error instanceof ModelValidationError) {
      throw invalidArgument(`Expected to deploy a valid process model, but ${error.message}`);
    }
    throw error;
  }
}

async function parseDecisions(name: string, content: string): Promise<DecisionRequirementsGraph> {
  try {
    return await parseDmn(name, content);
  } catch (error) {
    if (error instanceof ModelValidationError) {
      throw invalidArgument(`Expected to deploy a valid decision model, but ${error.message}`);
    }
    throw error;
  }
}

/** A Camunda form is a JSON object with a string `id` (its form id) and its components. */
function parseForm(name: string, content: string): { formId: string; versionTag?: string } {
  let schema: unknown;
  try {
    schema = JSON.parse(content);
  } catch (error) {
    throw invalidArgument(`Expected '${name}' to be a form (JSON), but it does not parse: ${(error as Error).message}`);
  }
  const formId = (schema as { id?: unknown } | null)?.id;
  if (typeof formId !== 'string' || formId.trim() === '') {
    throw invalidArgument(`Expected the form '${name}' to have an id (a non-empty string "id" field), but it has none`);
  }
  if (!Array.isArray((schema as { components?: unknown }).components)) {
    throw invalidArgument(`Expected the form '${name}' to have a "components" list, but it has none`);
  }
  const versionTag = (schema as { versionTag?: unknown }).versionTag;
  return typeof versionTag === 'string' && versionTag.trim() ? { formId, versionTag } : { formId };
}
