/** The knowledge base (知识库): searched by everyone, written by 95598 agents and administrators. */
import { KnowledgeArticle } from '../../db/work-orders';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { searchKnowledge } from './knowledge-repository';

export const articleInput = z.object({
  title: z.string().trim().min(2).max(128),
  category: z.string().trim().min(1).max(32),
  keywords: z.array(z.string().trim().min(1).max(32)).min(1).max(30),
  content: z.string().trim().min(2).max(10_000),
});
export const knowledgeSearchInput = z.object({ q: z.string().max(200).optional() });
type ArticleInput = z.infer<typeof articleInput>;

const view = (article: KnowledgeArticle) => ({
  id: article.id,
  title: article.title,
  category: article.category,
  keywords: article.keywords,
  content: article.content,
  updatedBy: article.updatedBy,
});

export async function findArticles(q: string | undefined) {
  return (await searchKnowledge(q)).map(view);
}

export async function createArticle(input: ArticleInput, updatedBy: string) {
  if (await KnowledgeArticle.findOne({ where: { title: input.title } }))
    throw conflict(`已有同名知识 / an article with this title exists: ${input.title}`);
  return view(await KnowledgeArticle.create({ ...input, updatedBy }));
}

/** `validate` runs once the article is found: an unknown id answers 404 before a bad body answers 400. */
export async function updateArticle(id: number, validate: () => ArticleInput, updatedBy: string) {
  const article = await KnowledgeArticle.findByPk(id);
  if (!article) throw notFound('知识 / article', String(id));
  await article.update({ ...validate(), updatedBy });
  return view(article);
}
