/** The return and withdraw declarations as read from the project's models, and where each step starts again. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStepModel } from './step-declarations';

const model = (path: string) => parseStepModel(readFileSync(join(__dirname, '..', '..', 'bpmn', path), 'utf8'));

test('the residential scheme step declares the survey for return and withdrawal; the survey starts at its call', async () => {
  const steps = await model('business-expansion/business-expansion-lv-residential.bpmn');
  expect(steps.get('supply-scheme')).toMatchObject({ returnTo: ['lvr-survey'], withdrawTo: ['lvr-survey'] });
  expect(steps.get('lvr-survey')).toMatchObject({ name: '现场勘查', type: 'bpmn:CallActivity', entry: 'lvr-survey' });
  // A step without declarations allows neither.
  expect(steps.get('sign-contract')).toMatchObject({ returnTo: [], withdrawTo: [] });
});

test('a user task after its due-date task starts again there, so its time limit is computed afresh', async () => {
  const steps = await model('change-of-use/change-of-use.bpmn');
  expect(steps.get('contract')).toMatchObject({ returnTo: ['site_work'], withdrawTo: ['site_work'] });
  expect(steps.get('site_work')?.entry).toBe('site_work_limit');
  const hv = await model('business-expansion/business-expansion-high-voltage.bpmn');
  expect(hv.get('scheme-approval')?.returnTo).toEqual(['supply-scheme']);
  expect(hv.get('supply-scheme')?.entry).toBe('supply-scheme-due');
});
