/**
 * Class 3: deployments, over gRPC DeployResource and REST POST /v2/deployments alike. Models broken at random
 * places; XML bombs (billion laughs, quadratic blow-up) and external entities (a file, and a DTD on a local server
 * that counts whether the engine fetched it); 10 MB models; resource names that climb out of folders; DMN whose
 * required decisions form a cycle (refused, and never evaluated endlessly); forms whose JSON is broken. Besides
 * "a clear client error, in time", each has a rule of its own: nothing from /etc/passwd in any answer or name, no
 * request to the DTD server, no file written where a name points, a cycle or a broken form never accepted.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { processXml } from '../../tests/grpc/grpc-test-clients';
import {
  applyMutation,
  describeMutation,
  hostileString,
  httpProblem,
  mutationOf,
  shown,
  type Mutation,
} from './fuzz-kit';
import { grpcVerdict, type FuzzSystem, type Target, type Verdict } from './fuzz-system';

const CLASS = 'deployments';
const ROOT = join(__dirname, '..', '..');
const PASSWD_LINE = /root:[^:\n]*:0:0:/;

type Channel = 'grpc' | 'rest';
const channel = fc.constantFrom<Channel>('grpc', 'rest');

interface Deployed {
  outcome: string;
  /** Everything the engine said back, to look for leaked secrets in. */
  text: string;
  ok: boolean;
  problem?: string;
}

/** Deploys one resource by gRPC or REST and judges the answer by that channel's rule. */
async function deploy(system: FuzzSystem, via: Channel, name: string, content: Buffer): Promise<Deployed> {
  if (via === 'grpc') {
    const answer = await system.rpc('DeployResource', { resources: [{ name, content }] }, 120_000);
    const verdict = grpcVerdict(answer);
    const text = `${answer.details ?? ''} ${JSON.stringify(answer.response ?? {})}`;
    return { outcome: `grpc ${verdict.outcome}`, text, ok: answer.code === 'OK', problem: verdict.problem };
  }
  const form = new FormData();
  form.append('resources', new Blob([new Uint8Array(content)]), name);
  const answer = await system.engineRest('POST', '/deployments', { body: form, timeoutMs: 120_000 });
  const ok = answer.status >= 200 && answer.status < 300;
  let problem: string | undefined;
  if (answer.status >= 500) problem = `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  else if (!ok && !/"(title|detail)"\s*:\s*"[^"]/.test(answer.text))
    problem = `${answer.status} without a problem title: ${answer.text.slice(0, 200)}`;
  return { outcome: `rest ${answer.status}`, text: answer.text, ok, problem };
}

function judged(deployed: Deployed, extra?: string): Verdict {
  if (PASSWD_LINE.test(deployed.text)) return { outcome: deployed.outcome, problem: 'the answer holds /etc/passwd' };
  return { outcome: deployed.outcome, problem: deployed.problem ?? extra };
}

// ---- text mutations --------------------------------------------------------------------------------------------

type TextMutation =
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'drop'; at: number; length: number };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      hostileString.filter((s) => s.length < 1_000),
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        '</x>',
        '<![CDATA[',
        ']]>',
        '<!--',
        '&#0;',
        '&#xD800;',
        '<?xml version="1.0"?>',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 50 }) }),
);

function mutateText(text: string, mutation: TextMutation): string {
  const at = mutation.at % (text.length + 1);
  if (mutation.kind === 'cut') return text.slice(0, at);
  if (mutation.kind === 'insert') return text.slice(0, at) + mutation.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + mutation.length);
}

const describeText = (mutation: TextMutation) =>
  mutation.kind === 'insert'
    ? `insert ${shown(mutation.text)} at ${mutation.at}`
    : `${mutation.kind} at ${mutation.at}`;

// ---- entities --------------------------------------------------------------------------------------------------

const BPMN_HEAD = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bpmn.io/schema/bpmn">`;

/** A process whose name (an attribute) and documentation (text) are `value`, with a DOCTYPE before it. */
const entityProcess = (processId: string, doctype: string, value: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n${BPMN_HEAD}<bpmn:process id="${processId}" name="${value}" isExecutable="true">` +
  `<bpmn:documentation>${value}</bpmn:documentation><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;

const LAUGHS =
  '<!DOCTYPE d [<!ENTITY l0 "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('') +
  ']>';

function entityDocuments(dtdUrl: string): Array<[string, (id: string) => string]> {
  return [
    ['billion laughs', (id) => entityProcess(id, LAUGHS, '&l9;')],
    [
      'quadratic blow-up',
      (id) => entityProcess(id, `<!DOCTYPE d [<!ENTITY a "${'a'.repeat(100_000)}">]>`, '&a;'.repeat(20_000)),
    ],
    [
      'external entity: /etc/passwd',
      (id) => entityProcess(id, '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '&x;'),
    ],
    [
      'external entity: a URL',
      (id) => entityProcess(id, `<!DOCTYPE d [<!ENTITY x SYSTEM "${dtdUrl}/entity">]>`, '&x;'),
    ],
    ['external DTD', (id) => entityProcess(id, `<!DOCTYPE d SYSTEM "${dtdUrl}/dtd">`, 'x')],
    ['parameter entity', (id) => entityProcess(id, `<!DOCTYPE d [<!ENTITY % p SYSTEM "${dtdUrl}/param"> %p;]>`, 'x')],
    ['undeclared entity', (id) => entityProcess(id, '', '&nope;')],
    [
      'billion laughs in a DMN',
      () =>
        `<?xml version="1.0"?>${LAUGHS}<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="dl" name="&l9;" namespace="x">` +
        `<decision id="laughs" name="&l9;"><literalExpression><text>"&l9;"</text></literalExpression></decision></definitions>`,
    ],
  ];
}

/** A local server the entities point at: any request to it means the engine resolved an external entity. */
async function dtdServer(): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.end('<!ENTITY leak "fetched">');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  server.unref();
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

// ---- big models, names, DMN cycles, forms -----------------------------------------------------------------------

const TEN_MB = 10 * 1024 * 1024;

/** A model of about 10 MB: one huge documentation, or tens of thousands of chained tasks. */
function bigModel(processId: string, shape: 'documentation' | 'elements'): Buffer {
  if (shape === 'documentation')
    return Buffer.from(
      `<?xml version="1.0"?>${BPMN_HEAD}<bpmn:process id="${processId}" isExecutable="true">` +
        `<bpmn:documentation>${'长'.repeat(Math.ceil(TEN_MB / 3))}</bpmn:documentation><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`,
    );
  const parts: string[] = [
    `<?xml version="1.0"?>${BPMN_HEAD}<bpmn:process id="${processId}" isExecutable="true"><bpmn:startEvent id="s" />`,
  ];
  let size = parts[0].length;
  for (let i = 0; size < TEN_MB; i++) {
    const part =
      `<bpmn:manualTask id="t${i}" name="第${i}步 ${'说明'.repeat(20)}" />` +
      `<bpmn:sequenceFlow id="f${i}" sourceRef="${i ? `t${i - 1}` : 's'}" targetRef="t${i}" />`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  parts.push('</bpmn:process></bpmn:definitions>');
  return Buffer.from(parts.join(''));
}

const TRAVERSING_NAMES = [
  '../../etc/x',
  '../../../../../../tmp/fuzz-escape',
  '/etc/x',
  '..\\..\\windows\\x',
  'a/../../../fuzz-escape',
  '%2e%2e%2f%2e%2e%2ffuzz-escape',
  'x\u0000.txt/../fuzz-escape',
  '',
  'CON',
  '~/fuzz-escape',
];

/** Where a resource name would land if something wrote it as a path: beside the engine's data and the repository. */
function landingPlaces(name: string, databaseUrl: string): string[] {
  const folders = [ROOT, dirname(databaseUrl.replace(/^sqlite:/, ''))];
  return folders.map((folder) => resolve(folder, name.replaceAll('\u0000', '')));
}

function cyclicDmn(id: string, size: number, extraEdges: Array<[number, number]>): string {
  const requires = (i: number) => [
    (i + 1) % size,
    ...extraEdges.filter(([from]) => from % size === i).map(([, to]) => to % size),
  ];
  const decisions = Array.from({ length: size }, (_, i) => {
    const required = [...new Set(requires(i))]
      .map(
        (j) =>
          `<informationRequirement id="r${i}_${j}"><requiredDecision href="#${id}_${j}" /></informationRequirement>`,
      )
      .join('');
    return `<decision id="${id}_${i}" name="d${i}">${required}<literalExpression id="e${i}"><text>1</text></literalExpression></decision>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="${id}" name="cycle" namespace="http://camunda.org/schema/1.0/dmn">${decisions}</definitions>`;
}

const FORM = {
  id: 'fuzz-form',
  type: 'default',
  schemaVersion: 16,
  components: [{ type: 'textfield', id: 'f1', key: 'amount', label: '金额', validate: { required: true } }],
};

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

export async function deploymentTargets(system: FuzzSystem): Promise<Array<Target<unknown>>> {
  const dtd = await dtdServer();
  system.closers.push(() => dtd.server.close());
  if (!passwdReadable())
    console.log('  (no root line in /etc/passwd here: the leak check of the external entity cannot fail)');
  const entities = entityDocuments(dtd.url);
  return [
    {
      className: CLASS,
      name: 'malformed BPMN',
      input: fc.record({ via: channel, mutations: fc.array(textMutation, { minLength: 1, maxLength: 3 }) }),
      show: ({ via, mutations }) => `${via}: ${mutations.map(describeText).join('; ')}`,
      run: async ({ via, mutations }) => {
        const id = fresh('fuzz-xml');
        const text = mutations.reduce(mutateText, processXml(id, 'fuzz-xml-job').toString());
        return judged(await deploy(system, via, `${id}.bpmn`, Buffer.from(text)));
      },
      weight: 2,
    },
    {
      className: CLASS,
      name: 'XML bombs and external entities',
      input: fc.record({ via: channel, document: fc.integer({ min: 0, max: entities.length - 1 }) }),
      show: ({ via, document }) => `${via}: ${entities[document][0]}`,
      run: async ({ via, document }) => {
        const id = fresh('fuzz-entity');
        const dmn = entities[document][0].includes('DMN');
        const hitsBefore = dtd.hits();
        const deployed = await deploy(
          system,
          via,
          `${id}.${dmn ? 'dmn' : 'bpmn'}`,
          Buffer.from(entities[document][1](id)),
        );
        if (dtd.hits() > hitsBefore)
          return { outcome: deployed.outcome, problem: 'the engine fetched an external entity or DTD' };
        if (deployed.ok && !dmn) {
          // Accepted: the name the engine keeps must be the text as written, never a file's content.
          const found = await system.engineRest('POST', '/process-definitions/search', {
            body: JSON.stringify({ filter: { processDefinitionId: id } }),
          });
          if (PASSWD_LINE.test(found.text))
            return { outcome: deployed.outcome, problem: 'a process name holds /etc/passwd' };
        }
        return judged(deployed);
      },
      weight: 2,
    },
    {
      className: CLASS,
      name: '10 MB models',
      input: fc.record({
        via: channel,
        shape: fc.constantFrom<'documentation' | 'elements'>('documentation', 'elements'),
      }),
      show: ({ via, shape }) => `${via}: 10 MB of ${shape}`,
      run: async ({ via, shape }) => {
        const id = fresh('fuzz-big');
        return judged(await deploy(system, via, `${id}.bpmn`, bigModel(id, shape)));
      },
      maxRuns: 4,
      weight: 2,
    },
    {
      className: CLASS,
      name: 'resource names out of folders',
      input: fc.record({
        via: channel,
        name: fc.oneof(
          fc.constantFrom(...TRAVERSING_NAMES),
          hostileString.filter((s) => s.length < 5_000),
        ),
        kind: fc.constantFrom('bpmn', 'dmn', 'form'),
      }),
      show: ({ via, name, kind }) => `${via}: ${shown(`${name}.${kind}`)}`,
      run: async ({ via, name, kind }) => {
        const id = fresh('fuzz-name');
        const content =
          kind === 'bpmn'
            ? processXml(id)
            : kind === 'form'
              ? Buffer.from(JSON.stringify({ ...FORM, id }))
              : Buffer.from(cyclicDmn(id, 1, []).replace(/<informationRequirement.*?<\/informationRequirement>/g, ''));
        const fileName = `${name}.${kind}`;
        const places = landingPlaces(fileName, system.platform.engine.databaseUrl).filter(
          (place) => !existsSync(place),
        );
        const deployed = await deploy(system, via, fileName, content);
        const written = places.filter((place) => existsSync(place));
        return judged(deployed, written.length ? `a file appeared at ${written.join(', ')}` : undefined);
      },
      weight: 2,
    },
    {
      className: CLASS,
      name: 'DMN with cycles',
      input: fc.record({
        via: channel,
        size: fc.integer({ min: 1, max: 6 }),
        extra: fc.array(fc.tuple(fc.nat(10), fc.nat(10)), { maxLength: 4 }),
      }),
      show: ({ via, size, extra }) =>
        `${via}: a cycle of ${size} decisions, extra requirements ${JSON.stringify(extra)}`,
      run: async ({ via, size, extra }) => {
        const id = fresh('fuzz-cycle');
        const deployed = await deploy(system, via, `${id}.dmn`, Buffer.from(cyclicDmn(id, size, extra)));
        if (!deployed.ok) return judged(deployed);
        // Accepted although cyclic: say so, and make sure evaluating it does not recurse endlessly.
        const evaluated = grpcVerdict(await system.rpc('EvaluateDecision', { decisionId: `${id}_0`, variables: '{}' }));
        return {
          outcome: deployed.outcome,
          problem: evaluated.problem ?? 'a DMN with a required-decision cycle was accepted',
        };
      },
      weight: 2,
    },
    {
      className: CLASS,
      name: 'forms with broken JSON',
      input: fc.record({
        via: channel,
        change: fc.oneof(
          textMutation.map((m) => ({ text: m })),
          mutationOf(FORM).map((m) => ({ structure: m })),
        ) as fc.Arbitrary<{ text?: TextMutation; structure?: Mutation }>,
      }),
      show: ({ via, change }) =>
        `${via}: ${change.text ? describeText(change.text) : describeMutation(change.structure!)}`,
      run: async ({ via, change }) => {
        const id = fresh('fuzz-form');
        const form = { ...FORM, id };
        const text = change.text
          ? mutateText(JSON.stringify(form, null, 2), change.text)
          : applyMutation(form, change.structure!).text;
        const deployed = await deploy(system, via, `${id}.form`, Buffer.from(text));
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return judged(deployed, deployed.ok ? 'a form that is not JSON was accepted' : undefined);
        }
        const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
        return judged(deployed, deployed.ok && !isObject ? 'a form that is not a JSON object was accepted' : undefined);
      },
      weight: 2,
    },
    {
      // The modeler's server-side check (the application's API) reads the same hostile models before any deployment.
      className: CLASS,
      name: 'API model check',
      input: fc.record({
        kind: fc.constantFrom('bpmn', 'dmn', 'form'),
        document: fc.integer({ min: 0, max: entities.length - 1 }),
        mutation: textMutation,
        hostile: fc.boolean(),
      }),
      show: ({ kind, document, mutation, hostile }) =>
        `POST /api/models/fuzz/x.${kind}/check: ${hostile ? entities[document][0] : describeText(mutation)}`,
      run: async ({ kind, document, mutation, hostile }) => {
        const id = fresh('fuzz-check');
        const valid =
          kind === 'bpmn'
            ? processXml(id, 'fuzz-check-job').toString()
            : kind === 'form'
              ? JSON.stringify({ ...FORM, id })
              : cyclicDmn(id, 2, []);
        const content = hostile ? entities[document][1](id) : mutateText(valid, mutation);
        const hitsBefore = dtd.hits();
        const answer = await system.api('POST', `/models/${encodeURIComponent(`fuzz/${id}.${kind}`)}/check`, {
          login: 'huangyan',
          body: JSON.stringify({ content }),
        });
        if (dtd.hits() > hitsBefore)
          return { outcome: `api ${answer.status}`, problem: 'the check fetched an external entity or DTD' };
        if (PASSWD_LINE.test(answer.text))
          return { outcome: `api ${answer.status}`, problem: 'the answer holds /etc/passwd' };
        return { outcome: `api ${answer.status}`, problem: httpProblem(answer, ['message']) };
      },
      weight: 2,
    },
  ];
}

/** The passwd line to look for exists on this machine (else the leak check could not fail). */
const passwdReadable = (): boolean => PASSWD_LINE.test(readFileSync('/etc/passwd', 'utf8'));
