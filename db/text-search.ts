/**
 * LIKE conditions for text a person typed: `%`, `_` (and `\`) in it match themselves. The escape character is `!`
 * with an explicit ESCAPE clause, because a backslash escape is spelt differently in SQLite (no default escape,
 * `ESCAPE '\'`) and MariaDB (`\` by default, `'\\'` in a literal); `!` is read the same by both.
 */
import { Op, literal, type Sequelize } from 'sequelize';

const ESCAPE = '!';

/** `text` with LIKE's wildcards and the escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (character) => `${ESCAPE}${character}`);
}

function like(sequelize: Sequelize, pattern: string) {
  return { [Op.like]: literal(`${sequelize.escape(pattern)} ESCAPE '${ESCAPE}'`) };
}

/** A column condition: the value contains `text`. */
export const containing = (sequelize: Sequelize, text: string) => like(sequelize, `%${escapeLike(text)}%`);

/** A column condition: the value starts with `text`. */
export const startingWith = (sequelize: Sequelize, text: string) => like(sequelize, `${escapeLike(text)}%`);
