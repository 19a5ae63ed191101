/**
 * `notify(...)`: stores a notification, then sends it through the configured adapter and records the outcome
 * (status sent | failed). The dedupKey makes it idempotent: a second call with the same key — a redelivered job —
 * returns the stored row and sends nothing.
 */
import { UniqueConstraintError } from 'sequelize';
import { Notification } from '../../db/core/notification-models';
import { readAppConfig } from '../../lib/config/app-config';
import { appClock } from '../../lib/clock/app-clock';
import { logger } from '../../lib/logger/logger';
import { notifyAdapters, type NotifyAdapter, type NotifyConfig } from '../../lib/notify/notify-adapters';

export interface NotifyInput {
  dedupKey: string;
  /** warning | overdue | escalation | fee-notice | customer | supervision | ... */
  kind: string;
  /** 'authority': a body outside the company it reports to (the power authority), named in `recipient`. */
  recipientType: 'role' | 'user' | 'group' | 'customer' | 'authority';
  /**
   * A role code, a user login, an org group code (db/core Group: its members and the members of its sub-groups,
   * e.g. a unit's crews, see it) or a customer phone number.
   */
  recipient: string;
  title: string;
  body: string;
  businessKey?: string | null;
}

export interface NotifyOptions {
  /** Which adapter to use; defaults to NOTIFY_ADAPTER / NOTIFY_WEBHOOK_URL from the environment. */
  config?: NotifyConfig;
  /** An adapter object instead (tests, or a channel picked by the caller). */
  adapter?: NotifyAdapter;
}

const log = logger('notify');

function adapterFor(options: NotifyOptions): NotifyAdapter {
  if (options.adapter) return options.adapter;
  const config = options.config ?? readAppConfig();
  return notifyAdapters[config.NOTIFY_ADAPTER](config);
}

export async function notify(input: NotifyInput, options: NotifyOptions = {}): Promise<Notification> {
  const existing = await Notification.findOne({ where: { dedupKey: input.dedupKey } });
  if (existing) return existing;
  let notification: Notification;
  try {
    notification = await Notification.create({ ...input, businessKey: input.businessKey ?? null, sentAt: null });
  } catch (error) {
    // Two deliveries of the same job raced: the other one stored (and sends) it.
    if (error instanceof UniqueConstraintError)
      return (await Notification.findOne({ where: { dedupKey: input.dedupKey } }))!;
    throw error;
  }
  let adapter: NotifyAdapter | undefined;
  try {
    adapter = adapterFor(options);
    await adapter.send({ ...input, id: notification.id, businessKey: notification.businessKey });
    await notification.update({ status: 'sent', sentAt: appClock.now() });
  } catch (error) {
    log.warn('notification not sent', { id: notification.id, adapter: adapter?.name, error: String(error) });
    await notification.update({ status: 'failed' });
  }
  return notification;
}

export type { NotifyAdapter, NotifyConfig, OutgoingNotification } from '../../lib/notify/notify-adapters';
