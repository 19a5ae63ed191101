/** Names of roles (Chinese and English) and organisational units, for showing codes to people. */
import { useApi } from '../api/useApi';
import type { Locale } from '../i18n/format';

interface Role {
  code: string;
  name: string;
  nameEn?: string | null;
}
interface Group {
  code: string;
  name: string;
}

export function useDirectory(signedIn: boolean) {
  const roles = useApi<{ items: Role[] }>(signedIn ? '/roles' : undefined);
  const groups = useApi<{ items: Group[] }>(signedIn ? '/groups' : undefined);
  return {
    roleName(code: string, locale: Locale): string {
      const role = roles.data?.items.find((r) => r.code === code);
      if (!role) return code;
      return locale === 'en-US' ? (role.nameEn ?? role.code) : role.name;
    },
    /** Units have Chinese names only; in English the code stands for them. */
    groupName(code: string, locale: Locale): string {
      if (locale === 'en-US') return code;
      return groups.data?.items.find((g) => g.code === code)?.name ?? code;
    },
  };
}
