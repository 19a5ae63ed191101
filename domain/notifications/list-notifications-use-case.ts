/**
 * Stored notifications, newest first, a page at a time (`page`, `limit` per page) with how many match; filtered by
 * case, recipient, kind and delivery state (`status`: pending, sent, failed). Managers and administrators see all; other users those addressed to them, to
 * one of their roles, or to one of their org groups or a group above them (a notification to a supply unit reaches
 * its crews).
 */
import { maskPhone } from '../../lib/privacy/mask-pii';
import { Op, type WhereOptions } from 'sequelize';
import { Notification } from '../../db/core/notification-models';
import { Group } from '../../db/core/user-models';
import { z } from '../../lib/validation/zh-error-map';

export const listInput = z.object({
  businessKey: z.string().max(64).optional(),
  recipient: z.string().max(64).optional(),
  kind: z.string().max(32).optional(),
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Who is reading: the signed-in user's login, roles and org groups. */
export interface Reader {
  login: string;
  roles: string[];
  groups: string[];
}

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

async function addressedTo(reader: Reader): Promise<WhereOptions<Notification>> {
  return {
    [Op.or]: [
      { recipientType: 'user', recipient: reader.login },
      { recipientType: 'role', recipient: { [Op.in]: reader.roles } },
      { recipientType: 'group', recipient: { [Op.in]: await groupsWithAncestors(reader.groups) } },
    ],
  };
}

/** `excluded`: the cases outside the reader's units (decision 0025), whose notifications a manager does not see. */
export async function listNotifications(reader: Reader, input: z.infer<typeof listInput>, excluded: string[] = []) {
  const where: WhereOptions<Notification>[] = [];
  if (excluded.length > 0) where.push({ [Op.or]: [{ businessKey: null }, { businessKey: { [Op.notIn]: excluded } }] });
  if (input.businessKey) where.push({ businessKey: input.businessKey });
  if (input.recipient) where.push({ recipient: input.recipient });
  if (input.kind) where.push({ kind: input.kind });
  if (input.status) where.push({ status: input.status });
  if (!reader.roles.includes('admin') && !reader.roles.includes('manager')) where.push(await addressedTo(reader));
  const { rows, count } = await Notification.findAndCountAll({
    where: { [Op.and]: where },
    order: [['id', 'DESC']],
    limit: input.limit,
    offset: (input.page - 1) * input.limit,
  });
  // A customer's phone number is masked in the list like everywhere else (decision 0025).
  const items = rows.map((notification) => {
    const plain = notification.get({ plain: true });
    return plain.recipientType === 'customer' ? { ...plain, recipient: maskPhone(plain.recipient) } : plain;
  });
  return { items, total: count, page: input.page, limit: input.limit };
}
