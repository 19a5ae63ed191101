/** How the dashboards write their figures, the same on the screen and in the exported file. */

/** A share (0–1) as a percentage to a tenth, a dash when nothing was counted. */
export const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** A mean or a percentile to a tenth, a dash when nothing was counted. */
export const tenths = (value: number | null): string => (value === null ? '—' : value.toFixed(1));
