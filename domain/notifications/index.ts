/**
 * Notifications: stored once per dedup key and sent through the configured adapter (lib/notify); the list a user
 * reads. The public interface of the area.
 */
export { notify, type NotifyInput, type NotifyOptions } from './notify';
export type { NotifyAdapter, NotifyConfig, OutgoingNotification } from './notify';
export { listNotifications, listInput, type Reader } from './list-notifications-use-case';
