/** The 业扩 demo seed makes real cases in the states it promises. */
import { Application } from '../../db/business-expansion';
import { seedBusinessExpansionDemo } from '../../platform/seed/business-expansion-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

test('demo cases: just submitted, at survey, waiting for payment, archived', async () => {
  await seedBusinessExpansionDemo(platform.application.services);
  const states = (await Application.findAll({ order: [['id', 'ASC']] })).map((a) => [a.customerClass, a.state]);
  expect(states).toEqual([
    ['lv-residential', 'in-progress'],
    ['lv-non-residential', 'in-progress'],
    ['hv-dual', 'waiting-payment'],
    ['lv-residential', 'archived'],
  ]);
  const admin = await platform.as('admin');
  const cases = (await admin.get('/business-expansion/applications')).body.items;
  const atSurvey = await admin.get(`/business-expansion/applications/${cases[2].applicationNo}`);
  expect(atSurvey.body.currentTasks).toEqual([expect.objectContaining({ elementId: 'survey', assignee: 'wangqiang' })]);
}, 120_000);
