/**
 * GET /api/notifications?businessKey=&recipient= — stored notifications, newest first. Managers and administrators
 * see all; other users those addressed to them or to one of their roles.
 */
import { Router } from 'express';
import { Op, type WhereOptions } from 'sequelize';
import { Notification } from '../../db/core/notification-models';
import { z } from '../../lib/validation/zh-error-map';
import { currentUser } from '../auth/require-auth';
import { parseInput } from '../http/validate';

const listInput = z.object({
  businessKey: z.string().max(64).optional(),
  recipient: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function notificationRoutes(): Router {
  const router = Router();
  router.get('/notifications', async (request, response) => {
    const user = currentUser(request);
    const input = parseInput(listInput, request.query, '通知查询');
    const where: WhereOptions<Notification>[] = [];
    if (input.businessKey) where.push({ businessKey: input.businessKey });
    if (input.recipient) where.push({ recipient: input.recipient });
    if (!user.roles.includes('admin') && !user.roles.includes('manager'))
      where.push({ recipient: { [Op.in]: [user.login, ...user.roles] } });
    const items = await Notification.findAll({
      where: { [Op.and]: where },
      order: [['id', 'DESC']],
      limit: input.limit,
    });
    response.json({ items });
  });
  return router;
}
