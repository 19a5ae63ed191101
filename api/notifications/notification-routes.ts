/**
 * GET /api/notifications?businessKey=&recipient= — stored notifications, newest first. Managers and administrators
 * see all; other users those addressed to them, to one of their roles, or to one of their org groups or a group
 * above them (a notification to a supply unit reaches its crews).
 */
import { Router } from 'express';
import { Op, type WhereOptions } from 'sequelize';
import { Notification } from '../../db/core/notification-models';
import { Group } from '../../db/core/user-models';
import { z } from '../../lib/validation/zh-error-map';
import { currentUser } from '../auth/require-auth';
import type { TokenClaims } from '../auth/token';
import { parseInput } from '../http/validate';

const listInput = z.object({
  businessKey: z.string().max(64).optional(),
  recipient: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The user's groups and every group above them (Group.parentCode), read now: the tree may have changed. */
async function groupsWithAncestors(codes: string[]): Promise<string[]> {
  const parents = new Map((await Group.findAll()).map((group) => [group.code, group.parentCode]));
  const found = new Set<string>();
  for (const start of codes) {
    let code: string | null | undefined = start;
    while (code && !found.has(code)) {
      found.add(code);
      code = parents.get(code);
    }
  }
  return [...found];
}

async function addressedTo(user: TokenClaims): Promise<WhereOptions<Notification>> {
  return {
    [Op.or]: [
      { recipientType: 'user', recipient: user.login },
      { recipientType: 'role', recipient: { [Op.in]: user.roles } },
      { recipientType: 'group', recipient: { [Op.in]: await groupsWithAncestors(user.groups) } },
    ],
  };
}

export function notificationRoutes(): Router {
  const router = Router();
  router.get('/notifications', async (request, response) => {
    const user = currentUser(request);
    const input = parseInput(listInput, request.query, '通知查询');
    const where: WhereOptions<Notification>[] = [];
    if (input.businessKey) where.push({ businessKey: input.businessKey });
    if (input.recipient) where.push({ recipient: input.recipient });
    if (!user.roles.includes('admin') && !user.roles.includes('manager')) where.push(await addressedTo(user));
    const items = await Notification.findAll({
      where: { [Op.and]: where },
      order: [['id', 'DESC']],
      limit: input.limit,
    });
    response.json({ items });
  });
  return router;
}
