/**
 * The knowledge base (知识库): every signed-in user searches it (GET /api/knowledge?q=电价 缴费); 95598 agents and
 * administrators write it.
 */
import { Router } from 'express';
import {
  articleInput,
  createArticle,
  findArticles,
  knowledgeSearchInput,
  updateArticle,
} from '../../domain/work-orders';
import { parseId, parseInput, parseQuery } from '../../lib/validation/parse-input';
import { currentUser, requireRole } from '../auth/require-auth';

export function knowledgeRoutes(): Router {
  const router = Router();
  router.get('/knowledge', async (request, response) => {
    const { q } = parseQuery(knowledgeSearchInput, request.query, '知识库查询');
    response.json({ items: await findArticles(q) });
  });
  router.post('/knowledge', requireRole('agent'), async (request, response) => {
    const input = parseInput(articleInput, request.body, '知识');
    response.status(201).json(await createArticle(input, currentUser(request).login));
  });
  router.put('/knowledge/:id', requireRole('agent'), async (request, response) => {
    const id = parseId(request.params.id, '知识');
    const validate = () => parseInput(articleInput, request.body, '知识');
    response.json(await updateArticle(id, validate, currentUser(request).login));
  });
  return router;
}
