/**
 * The knowledge base agents answer consultations from: a search by words (title, keywords, content) and the
 * article that best answers an order's content (the one with the most of its keywords in that content).
 */
import { Op } from 'sequelize';
import { KnowledgeArticle } from '../../db/work-orders';
import { containing } from '../../db/text-search';

export async function searchKnowledge(query?: string): Promise<KnowledgeArticle[]> {
  const words = (query ?? '').split(/\s+/).filter(Boolean);
  const where = words.length
    ? {
        [Op.and]: words.map((word) => ({
          [Op.or]: ['title', 'keywords', 'content', 'category'].map((column) => ({
            [column]: containing(KnowledgeArticle.sequelize!, word),
          })),
        })),
      }
    : {};
  return KnowledgeArticle.findAll({ where, order: [['id', 'ASC']], limit: 100 });
}

export async function bestAnswer(content: string): Promise<KnowledgeArticle | undefined> {
  const articles = await KnowledgeArticle.findAll({ order: [['id', 'ASC']] });
  let best: { article: KnowledgeArticle; hits: number } | undefined;
  for (const article of articles) {
    const hits = article.keywords.filter((keyword) => content.includes(keyword)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { article, hits };
  }
  return best?.article;
}
