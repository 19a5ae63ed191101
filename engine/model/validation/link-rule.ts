import type { ExecutableElement } from '../executable-model';
import type { ValidationRule } from './validation-rule';

/** Link events have a name; link catch names are unique per scope; every link throw has a catch in its scope. */
export const linkRule: ValidationRule = (process, report) => {
  const catches = new Map<string, ExecutableElement>();
  const links = [...process.elements.values()].filter((element) => element.eventKind === 'link');
  for (const element of links) {
    const name = element.link?.name ?? '';
    if (name.trim() === '') {
      report({ elementId: element.id, message: 'a link event needs a name (bpmn:linkEventDefinition name)' });
      continue;
    }
    if (element.kind !== 'intermediateCatchEvent') continue;
    const key = `${element.flowScopeId} ${name}`;
    const earlier = catches.get(key);
    if (earlier) {
      report({
        elementId: element.id,
        message: `the link name '${name}' is already used by the link catch event '${earlier.id}' in the same scope`,
      });
    } else {
      catches.set(key, element);
    }
  }
  for (const element of links) {
    const name = element.link?.name ?? '';
    if (element.kind !== 'intermediateThrowEvent' || name.trim() === '') continue;
    if (!catches.has(`${element.flowScopeId} ${name}`)) {
      report({
        elementId: element.id,
        message: `the link throw event '${name}' has no link catch event of the same name in its scope`,
      });
    }
  }
};
