/**
 * Every route the express application answers, read from its router stack: the route × role matrix test and the
 * README check take the list from here, so a route added anywhere is in it without being named twice.
 */
import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  /** The full path as declared, with `:params` (e.g. `/api/tasks/:key/claim`). */
  path: string;
}

/** The parts of express's router internals this walk reads (router 2.x keeps a layer's declared path). */
interface StackLayer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: StackLayer[] };
}

function walk(stack: StackLayer[], prefix: string, found: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      // The browser app's catch-all is a regular expression, not an API route.
      if (typeof layer.route.path !== 'string') continue;
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') found.push({ method: method.toUpperCase(), path: prefix + layer.route.path });
    } else if (layer.handle.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(layer.handle.stack, prefix + mount, found);
    }
  }
}

export function listRoutes(app: Express): RouteEntry[] {
  const found: RouteEntry[] = [];
  walk((app as unknown as { router: { stack: StackLayer[] } }).router.stack, '', found);
  const unique = new Map(found.map((entry) => [`${entry.method} ${entry.path}`, entry]));
  return [...unique.values()];
}
