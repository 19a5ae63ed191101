import { byCreation } from './task-order';

const task = (userTaskKey: string, createdAt: string) => ({ userTaskKey, createdAt });

test('tasks sort by creation time, and those created in the same millisecond by their keys', () => {
  const survey = task('2251799813685260', '2026-10-13T01:00:00.000Z');
  const scheme = task('2251799813685301', '2026-10-13T01:00:00.000Z');
  const approval = task('9007199254740993', '2026-10-13T01:00:00.000Z');
  const later = task('2251799813685250', '2026-10-13T01:00:00.001Z');
  expect([later, approval, scheme, survey].sort(byCreation)).toEqual([survey, scheme, approval, later]);
});
