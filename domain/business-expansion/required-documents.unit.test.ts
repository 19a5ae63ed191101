import { documentNames, missingDocuments, requiredDocuments } from './required-documents';

test('each class asks for its own documents; agents add their ID and, for companies, the authorization', () => {
  expect(requiredDocuments('lv-residential', false)).toEqual(['application-form', 'owner-id', 'property-proof']);
  expect(requiredDocuments('lv-residential', true)).toContain('agent-id');
  expect(requiredDocuments('lv-residential', true)).not.toContain('authorization-letter');
  expect(requiredDocuments('hv-dual', true)).toEqual(expect.arrayContaining(['site-plan', 'authorization-letter']));
  expect(requiredDocuments('hv-dual', false)).toEqual(requiredDocuments('hv-single', false));
});

test('missing documents are named in Chinese', () => {
  const missing = missingDocuments(requiredDocuments('lv-residential', false), [{ kind: 'application-form' }]);
  expect(missing).toEqual(['owner-id', 'property-proof']);
  expect(documentNames(missing)).toBe('产权人身份证明、房屋产权证明');
});
