/**
 * The knowledge base (知识库): every signed-in user searches it (GET /api/knowledge?q=电价 缴费); 95598 agents and
 * administrators write it.
 */
import { Router } from 'express';
import { KnowledgeArticle, searchKnowledge } from '../../db/work-orders';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { currentUser, requireRole } from '../auth/require-auth';
import { parseId, parseInput } from '../../lib/validation/parse-input';

const articleInput = z.object({
  title: z.string().trim().min(2).max(128),
  category: z.string().trim().min(1).max(32),
  keywords: z.array(z.string().trim().min(1).max(32)).min(1).max(30),
  content: z.string().trim().min(2).max(10_000),
});
const searchInput = z.object({ q: z.string().max(200).optional() });

const view = (article: KnowledgeArticle) => ({
  id: article.id,
  title: article.title,
  category: article.category,
  keywords: article.keywords,
  content: article.content,
  updatedBy: article.updatedBy,
});

export function knowledgeRoutes(): Router {
  const router = Router();
  router.get('/knowledge', async (request, response) => {
    const { q } = parseInput(searchInput, request.query, '知识库查询');
    response.json({ items: (await searchKnowledge(q)).map(view) });
  });
  router.post('/knowledge', requireRole('agent'), async (request, response) => {
    const input = parseInput(articleInput, request.body, '知识');
    if (await KnowledgeArticle.findOne({ where: { title: input.title } }))
      throw conflict(`已有同名知识 / an article with this title exists: ${input.title}`);
    const article = await KnowledgeArticle.create({ ...input, updatedBy: currentUser(request).login });
    response.status(201).json(view(article));
  });
  router.put('/knowledge/:id', requireRole('agent'), async (request, response) => {
    const article = await KnowledgeArticle.findByPk(parseId(request.params.id, '知识'));
    if (!article) throw notFound('知识 / article', String(request.params.id));
    const input = parseInput(articleInput, request.body, '知识');
    await article.update({ ...input, updatedBy: currentUser(request).login });
    response.json(view(article));
  });
  return router;
}
