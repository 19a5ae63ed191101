/**
 * Writing to and searching the audit log. A write never fails the action it records: an audit row that cannot be
 * written is logged as an error instead (the action itself has already happened or been refused).
 */
import { Op, type WhereOptions } from 'sequelize';
import { AuditEntry } from '../../db/core/audit-models';
import { startingWith } from '../../db/text-search';
import { logger } from '../../lib/logger/logger';
import { z } from '../../lib/validation/zh-error-map';

const log = logger('audit');

export interface AuditInput {
  actor: string;
  action: string;
  target?: string | null;
  address?: string | null;
  outcome?: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(entry: AuditInput): Promise<void> {
  try {
    await AuditEntry.create({
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      address: entry.address ?? null,
      outcome: entry.outcome ?? 'ok',
      detail: entry.detail ?? null,
    });
  } catch (error) {
    log.error(`audit entry not written (${entry.action} by ${entry.actor}): ${(error as Error).message}`);
  }
}

export const auditSearchInput = z
  .object({
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    target: z.string().max(128).optional(),
    outcome: z.enum(['ok', 'refused', 'failed']).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

/** Newest first; `action` matches a whole code or, ending in `.`, every code under it (`auth.`). */
export async function searchAudit(input: z.infer<typeof auditSearchInput>) {
  const where: WhereOptions<AuditEntry>[] = [];
  if (input.actor) where.push({ actor: input.actor });
  if (input.action)
    where.push({
      action: input.action.endsWith('.') ? startingWith(AuditEntry.sequelize!, input.action) : input.action,
    });
  if (input.target) where.push({ target: input.target });
  if (input.outcome) where.push({ outcome: input.outcome });
  if (input.from) where.push({ createdAt: { [Op.gte]: input.from } });
  if (input.to) where.push({ createdAt: { [Op.lt]: input.to } });
  const { rows, count } = await AuditEntry.findAndCountAll({
    where: { [Op.and]: where },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: input.size,
    offset: (input.page - 1) * input.size,
  });
  return { items: rows.map((row) => row.toJSON()), total: count, page: input.page, size: input.size };
}

/** The successful entries of `actions` on `targets`, oldest first (e.g. the returns and withdrawals of a case's tasks). */
export async function auditEntriesOn(targets: string[], actions: string[]) {
  if (targets.length === 0) return [];
  const rows = await AuditEntry.findAll({
    where: { target: targets, action: actions, outcome: 'ok' },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return rows.map((row) => row.toJSON());
}
