/**
 * A TCP proxy that holds every chunk for `delayMs` before passing it on, both ways: a slow network between the
 * application and the engine. Chunks already sent on their way still arrive when the sender has died meanwhile, as
 * on a real network.
 */
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

export interface DelayingProxy {
  /** host:port to connect to instead of the target. */
  address: string;
  delayMs: number;
  close(): Promise<void>;
}

export async function startDelayingProxy(target: string): Promise<DelayingProxy> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const sockets = new Set<Socket>();
  const proxy: DelayingProxy = { address: '', delayMs: 0, close: async () => undefined };
  const pass = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      const write = () => !to.destroyed && to.write(chunk);
      if (proxy.delayMs === 0) write();
      else setTimeout(write, proxy.delayMs);
    });
  const server = createServer((client) => {
    const upstream = createConnection({ host, port });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    pass(client, upstream);
    pass(upstream, client);
    // The far side ends once what was on its way has arrived.
    client.on('close', () => setTimeout(() => upstream.end(), proxy.delayMs + 100));
    upstream.on('close', () => setTimeout(() => client.end(), proxy.delayMs + 100));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
