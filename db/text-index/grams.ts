/**
 * The pieces of text the case search's index keeps (decision 0068). For every character of a value, the three
 * characters starting there (fewer at the value's end), ASCII letters in lower case: any typed text of three or more characters is
 * found by its own three-character pieces, a shorter one as the start of a piece. Characters are counted as code
 * points, so a character outside the basic plane is one character.
 */

/** Characters per piece. */
export const GRAM_LENGTH = 3;

/**
 * ASCII letters in lower case, as SQLite's LIKE matches them in either case (and only them: MariaDB's collations also
 * fold other letters, which the index does not find by another case).
 */
const folded = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** The distinct pieces of a row's indexed values. */
export function gramsOf(values: readonly (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    const characters = Array.from(folded(value));
    for (let i = 0; i < characters.length; i++) grams.add(characters.slice(i, i + GRAM_LENGTH).join(''));
  }
  return [...grams];
}

/** How the index finds rows containing a typed text. */
export type GramQuery =
  /** Rows holding every one of these pieces (the text has at least GRAM_LENGTH characters). */
  | { kind: 'all'; grams: string[] }
  /** Rows holding a piece that starts with this text (a shorter text). */
  | { kind: 'prefix'; prefix: string };

/**
 * Pieces of a long text looked up at most: any of its pieces narrows to rows that may hold it, and the match after
 * the index is exact, so a long text is looked up by pieces spread over it (each costs a count and a lookup per row).
 */
export const PIECES_LOOKED_UP_AT_MOST = 12;

export function gramQuery(text: string): GramQuery {
  const characters = Array.from(folded(text));
  if (characters.length < GRAM_LENGTH) return { kind: 'prefix', prefix: characters.join('') };
  const starts = characters.length - GRAM_LENGTH + 1;
  const picked = Math.min(starts, PIECES_LOOKED_UP_AT_MOST);
  const grams = new Set<string>();
  for (let n = 0; n < picked; n++) {
    // Evenly spread, the first and the last piece included.
    const i = picked === 1 ? 0 : Math.round((n * (starts - 1)) / (picked - 1));
    grams.add(characters.slice(i, i + GRAM_LENGTH).join(''));
  }
  return { kind: 'all', grams: [...grams] };
}

/** The greatest code point: a prefix followed by it sorts after every piece starting with the prefix. */
export const AFTER_EVERY_PIECE = String.fromCodePoint(0x10ffff);
