/** Solid tag colours dark enough for white text at WCAG AA contrast (Ant Design's preset light tags are not). */
export const TAG_COLOURS = { good: '#237804', bad: '#a8071a', waiting: '#ad4e00', neutral: '#1d4ed8' } as const;
