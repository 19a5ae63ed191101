/**
 * notify(): stored once per dedupKey, sent through the adapter, failures recorded; the webhook adapter's request;
 * a group as recipient.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Notification } from '../../db/core/notification-models';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { notify, type NotifyAdapter, type OutgoingNotification } from '.';

const sequelize = createSequelize('sqlite::memory:');
const message = (dedupKey: string) => ({
  dedupKey,
  kind: 'warning',
  recipientType: 'role' as const,
  recipient: 'manager',
  title: '时限预警 YK20261008-0001',
  body: '现场勘查将于 2026-10-09 到期',
  businessKey: 'YK20261008-0001',
});

beforeAll(() => openDatabase(sequelize));
afterAll(() => sequelize.close());

test('a second call with the same dedupKey stores and sends nothing', async () => {
  const sent: OutgoingNotification[] = [];
  const adapter: NotifyAdapter = { name: 'memory', send: async (n) => void sent.push(n) };
  const first = await notify(message('warn:1'), { adapter });
  const second = await notify(message('warn:1'), { adapter });
  expect(second.id).toBe(first.id);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ id: first.id, recipient: 'manager', businessKey: 'YK20261008-0001' });
  const stored = await Notification.findAll({ where: { dedupKey: 'warn:1' } });
  expect(stored.map((n) => n.status)).toEqual(['sent']);
  expect(stored[0].sentAt).toBeInstanceOf(Date);
});

test('a failing adapter leaves the notification stored as failed', async () => {
  const adapter: NotifyAdapter = { name: 'broken', send: () => Promise.reject(new Error('gateway down')) };
  const notification = await notify(message('warn:2'), { adapter });
  expect((await Notification.findByPk(notification.id))!.status).toBe('failed');
});

test('the webhook adapter POSTs the notification as JSON; an error status counts as failed', async () => {
  const received: unknown[] = [];
  let status = 204;
  const server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push(JSON.parse(text));
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    const config = { NOTIFY_ADAPTER: 'webhook' as const, NOTIFY_WEBHOOK_URL: url };
    const ok = await notify(message('warn:3'), { config });
    expect((await Notification.findByPk(ok.id))!.status).toBe('sent');
    expect(received[0]).toMatchObject({ dedupKey: 'warn:3', title: '时限预警 YK20261008-0001' });
    status = 500;
    const refused = await notify(message('warn:4'), { config });
    expect((await Notification.findByPk(refused.id))!.status).toBe('failed');
    expect(received).toHaveLength(2);
  } finally {
    server.close();
  }
});

test('a notification to an org group is stored and sent with its type and group code', async () => {
  const sent: OutgoingNotification[] = [];
  const adapter: NotifyAdapter = { name: 'memory', send: async (n) => void sent.push(n) };
  const notification = await notify(
    { ...message('supervise:1'), kind: 'supervision', recipientType: 'group', recipient: 'SH-PD' },
    { adapter },
  );
  const stored = (await Notification.findByPk(notification.id))!;
  expect(stored).toMatchObject({ recipientType: 'group', recipient: 'SH-PD', status: 'sent' });
  expect(sent).toEqual([expect.objectContaining({ recipientType: 'group', recipient: 'SH-PD' })]);
});
