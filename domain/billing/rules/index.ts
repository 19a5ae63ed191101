/** Billing rules as versioned rows: the book, rule sets and versions (rule-book.ts). The list of every set is rule-sets.ts. */
export * from './rule-book';
