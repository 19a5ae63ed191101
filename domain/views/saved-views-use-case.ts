/**
 * Saved views: a user names a list's filters and sorting, keeps them private or shares them with one of their own
 * roles or org groups, and anyone the view is shared with opens it by its id (a link). The query is checked as the
 * list itself checks it, so a saved view always opens.
 */
import { Op } from 'sequelize';
import { SavedView } from '../../db/core/saved-view-models';
import { AppError, notFound, validationError } from '../../lib/errors/app-error';
import { parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { taskListInput } from '../tasks';

export interface ViewUser {
  login: string;
  roles: string[];
  groups: string[];
}

const LISTS = { tasks: taskListInput } as const;

export const viewInput = z
  .object({
    name: z.string().trim().min(1).max(64),
    list: z.enum(['tasks']),
    query: z.string().max(1000),
    sharedWith: z.string().max(64).nullable().default(null),
  })
  .strict();

export const viewListInput = z.object({ list: z.enum(['tasks']).default('tasks') }).strict();

const publicView = (view: SavedView, user: ViewUser) => ({
  id: view.id,
  name: view.name,
  list: view.list,
  query: view.query,
  owner: view.owner,
  sharedWith: view.sharedWith,
  mine: view.owner === user.login,
});

/** What the page number says is left out: a view keeps the filters and order, and opens on the first page. */
function normalisedQuery(list: keyof typeof LISTS, query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  params.delete('page');
  params.delete('view');
  parseQuery(LISTS[list], Object.fromEntries(params), '视图的查询条件 / the view’s query');
  params.sort();
  return params.toString();
}

function visibleTo(user: ViewUser) {
  return {
    [Op.or]: [{ owner: user.login }, { sharedWith: { [Op.in]: [...user.roles, ...user.groups] } }],
  };
}

export async function listViews(user: ViewUser, input: z.infer<typeof viewListInput>) {
  const views = await SavedView.findAll({
    where: { [Op.and]: [{ list: input.list }, visibleTo(user)] },
    order: [['name', 'ASC']],
  });
  return { items: views.map((view) => publicView(view, user)) };
}

export async function createView(user: ViewUser, input: z.infer<typeof viewInput>) {
  if (input.sharedWith && ![...user.roles, ...user.groups].includes(input.sharedWith))
    throw validationError(
      `只能共享给自己所在的岗位或单位 / a view can be shared only with one of your own roles or groups: ${input.sharedWith}`,
      [{ field: 'sharedWith', message: 'not one of your roles or groups' }],
    );
  const view = await SavedView.create({
    owner: user.login,
    name: input.name,
    list: input.list,
    query: normalisedQuery(input.list, input.query),
    sharedWith: input.sharedWith,
  });
  return publicView(view, user);
}

export async function getView(user: ViewUser, id: number) {
  const view = await SavedView.findOne({ where: { [Op.and]: [{ id }, visibleTo(user)] } });
  if (!view) throw notFound('视图 / view', id);
  return publicView(view, user);
}

export async function deleteView(user: ViewUser & { roles: string[] }, id: number) {
  const view = await SavedView.findOne({ where: { [Op.and]: [{ id }, visibleTo(user)] } });
  if (!view) throw notFound('视图 / view', id);
  if (view.owner !== user.login && !user.roles.includes('admin'))
    throw new AppError(403, 'FORBIDDEN', `只有创建者可以删除视图 / only ${view.owner} can delete this view`);
  await view.destroy();
  return { deleted: id };
}
