/**
 * Every document kind a model's step requires (`requiredDocuments`, decision 0034) is a kind the API takes, so a
 * typing mistake in a model cannot leave a step that no upload satisfies; and the steps the business needs them on
 * declare them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseStepModel } from '../../domain/tasks/step-declarations';
import { DOCUMENT_KINDS } from '../../domain/documents';
import { REQUIRED_DOCUMENTS_PROPERTY, requiredKindsIn } from '../../domain/tasks';

const BPMN_DIR = join(__dirname, '../../bpmn');

function bpmnFiles(): string[] {
  return readdirSync(BPMN_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.bpmn'))
    .map((file) => join(BPMN_DIR, file));
}

async function requirements(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of bpmnFiles()) {
    const name = file.slice(BPMN_DIR.length + 1);
    for (const [elementId, { properties }] of await parseStepModel(readFileSync(file, 'utf8')))
      if (REQUIRED_DOCUMENTS_PROPERTY in properties) found.set(`${name}#${elementId}`, requiredKindsIn(properties));
  }
  return found;
}

test('every required kind is a document kind', async () => {
  const unknown = [...(await requirements())].flatMap(([step, kinds]) =>
    kinds.filter((kind) => !(kind in DOCUMENT_KINDS)).map((kind) => `${step}: ${kind}`),
  );
  expect(unknown).toEqual([]);
});

test('the survey, the completion inspections and the change review declare what they need', async () => {
  expect(Object.fromEntries(await requirements())).toEqual({
    'business-expansion/business-expansion-high-voltage.bpmn#completion-inspection': ['completion-report'],
    'business-expansion/business-expansion-lv-non-residential.bpmn#completion-inspection': ['completion-report'],
    'business-expansion/business-expansion-survey.bpmn#survey': ['site-photo'],
    'change-of-use/change-of-use.bpmn#review': ['owner-id', 'property-proof'],
  });
});
