/**
 * Citations of the project's rule documents stay valid: every `docs/zeebe-rules.md §n.m` and
 * `docs/business-rules.md §n.m` names a section that exists, and nothing cites the reference texts these documents
 * replaced (a fresh clone has only docs/).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SEARCHED = ['api', 'bench', 'bpmn', 'db', 'docs', 'engine', 'lib', 'platform', 'scripts', 'tests', 'workers'];
const EXTENSIONS = /\.(ts|js|mjs|md|bpmn|dmn|form|json)$/;
const DOCUMENTS = ['docs/zeebe-rules.md', 'docs/business-rules.md'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return EXTENSIONS.test(name) ? [path] : [];
  });
}

const files = [join(ROOT, 'README.md'), ...SEARCHED.flatMap((dir) => filesUnder(join(ROOT, dir)))].filter(
  (file) => file !== __filename,
);

/** The section numbers of a document: `## 3.`, `### 1.2`, and rules written `**3.4**`. */
function sectionsOf(document: string): Set<string> {
  const text = readFileSync(join(ROOT, document), 'utf8');
  const numbers = [
    ...[...text.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((match) => match[1]),
    ...[...text.matchAll(/^\*\*(\d+\.\d+)\*\*/gm)].map((match) => match[1]),
  ];
  return new Set(numbers);
}

test('every cited section of docs/zeebe-rules.md and docs/business-rules.md exists', () => {
  const sections = new Map(DOCUMENTS.map((document) => [document, sectionsOf(document)]));
  const broken: string[] = [];
  let citations = 0;
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        // A § after a document's path belongs to it until another path comes.
        for (const part of line.split(/(?=docs\/(?:zeebe|business)-rules\.md)/).slice(1)) {
          const document = DOCUMENTS.find((name) => part.startsWith(name))!;
          for (const match of part.matchAll(/§(\d+(?:\.\d+)?)/g)) {
            citations++;
            if (!sections.get(document)!.has(match[1]))
              broken.push(`${relative(ROOT, file)}:${index + 1}: ${document} has no §${match[1]}`);
          }
        }
      });
  }
  expect(broken).toEqual([]);
  expect(citations).toBeGreaterThan(30);
});

test('nothing cites the reference texts docs/ replaced', () => {
  const old = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        /\bdomain\.md\b|zeebe-semantics|(^|[^-\w])semantics §/.test(line)
          ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`]
          : [],
      ),
  );
  // Cite docs/business-rules.md §n (was domain.md) or docs/zeebe-rules.md §n (was zeebe-semantics); same numbers.
  expect(old).toEqual([]);
});
