/** How notices print amounts and times: 元 to the fen, and China time (UTC+8) whatever the server's zone. */
import { chinaDayOf } from '../calendar';

export const yuan = (fen: number): string =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

export function chinaDateTime(at: Date | string | null | undefined): string {
  if (!at) return '—';
  const time = new Date(at);
  const clock = new Date(time.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${chinaDayOf(time)} ${clock}`;
}
