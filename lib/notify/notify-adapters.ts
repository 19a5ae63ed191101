/**
 * How a stored notification leaves the system. `log` writes a log line (development, tests); `webhook` POSTs the
 * notification as JSON to NOTIFY_WEBHOOK_URL, where a message gateway (SMS, WeChat Work, e-mail) takes over.
 * An SMS or WeChat adapter is one more entry in `notifyAdapters` (and a value of NOTIFY_ADAPTER).
 */
import type { AppConfig } from '../config/app-config';
import { logger } from '../logger/logger';

export interface OutgoingNotification {
  id: number;
  dedupKey: string;
  kind: string;
  recipientType: string;
  recipient: string;
  title: string;
  body: string;
  businessKey: string | null;
}

export interface NotifyAdapter {
  readonly name: string;
  /** Resolves when the message was handed over; rejects with the reason otherwise. */
  send(notification: OutgoingNotification): Promise<void>;
}

export type NotifyConfig = Pick<AppConfig, 'NOTIFY_ADAPTER' | 'NOTIFY_WEBHOOK_URL'>;

const log = logger('notify');

const logAdapter: NotifyAdapter = {
  name: 'log',
  send: async (notification) => {
    log.info(`${notification.recipientType}:${notification.recipient} ${notification.title}`, {
      businessKey: notification.businessKey,
      kind: notification.kind,
    });
  },
};

function webhookAdapter(url: string): NotifyAdapter {
  return {
    name: 'webhook',
    send: async (notification) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
    },
  };
}

export const notifyAdapters: Record<NotifyConfig['NOTIFY_ADAPTER'], (config: NotifyConfig) => NotifyAdapter> = {
  log: () => logAdapter,
  webhook: (config) => {
    if (!config.NOTIFY_WEBHOOK_URL) throw new Error('NOTIFY_WEBHOOK_URL is required when NOTIFY_ADAPTER=webhook');
    return webhookAdapter(config.NOTIFY_WEBHOOK_URL);
  },
};
