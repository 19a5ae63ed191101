/** The supply areas customers and calls belong to (the units' `areas`), with the serving unit's name. */
import { useApi } from '../api/useApi';
import type { Locale } from '../i18n/format';

interface Group {
  code: string;
  name: string;
  level: string;
  areas?: string[];
}

export interface AreaOption {
  value: string;
  label: string;
}

export function useAreas(locale: Locale): { options: AreaOption[]; defaultFor(groups: string[]): string | undefined } {
  const groups = useApi<{ items: Group[] }>('/groups');
  const units = (groups.data?.items ?? []).filter((group) => (group.areas ?? []).length > 0 && group.level === 'unit');
  const options = units.flatMap((unit) =>
    (unit.areas ?? []).map((area) => ({ value: area, label: locale === 'en-US' ? area : `${unit.name}（${area}）` })),
  );
  return {
    options,
    /** The area of the user's own unit (a crew's or a unit's), when it serves one. */
    defaultFor: (userGroups) =>
      (groups.data?.items ?? []).find((group) => userGroups.includes(group.code) && group.areas?.length)?.areas?.[0],
  };
}
