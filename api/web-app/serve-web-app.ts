/**
 * The browser app (`modeler-ui/`, built into `modeler-ui/dist`) on the API's own port and origin: its files as they
 * are, and index.html for every other GET outside /api so that a deep link (`/tasks/123`) survives a reload.
 * Without a build the pages say how to make one; /api is never touched.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

export const WEB_APP_DIST = join(__dirname, '..', '..', 'modeler-ui', 'dist');

export function webAppRoutes(dist = WEB_APP_DIST): Router {
  const router = Router();
  // Hashed asset names may be cached for good; index.html never, so a new build is picked up at once.
  router.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.use(express.static(dist, { index: false }));
  router.get(/^(?!\/api(\/|$)).*/, (_request, response) => {
    const index = join(dist, 'index.html');
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('网页应用尚未构建，请运行 npm run build:web / the web app is not built: run npm run build:web\n');
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}
