/** The charts' words in English (the shape in chart-words.ts). */
import type { ChartWords } from './chart-words.ts';

const levels: ChartWords['levels'] = { province: 'Province', prefecture: 'Prefecture', county: 'County', unknown: 'Unknown' };
const kinds: ChartWords['kinds'] = { government: 'government', department: 'department' };

export const enChartWords: ChartWords = {
  levels,
  kinds,
  nothingToDraw: 'No figures to draw.',
  drawing: {
    punctuation: { colon: ': ', open: ' (', close: ')' },
    series: { xLabel: 'Year', yearSuffix: '', proseNote: ' (from prose, not a table)', legacyNote: ' (before 2019: requests accepted, older statistics table)' },
    requestsUnit: { one: ' request', other: ' requests' },
    casesUnit: { one: ' case', other: ' cases' },
    unreadLabel: 'Not read',
    dispositionLabels: { granted: 'Granted', partial: 'Partly granted', withheld: 'Withheld', unavailable: 'Unavailable', notProcessed: 'Not processed', otherHandling: 'Other handling' },
    receivedAxis: 'New requests',
    grantRateAxis: 'Granted in full, share of handled (%)',
  },
  notes: {
    unread: 'Hatched: requests in the total whose outcome could not be read (— in the table).',
    undrawn: (bars: string) => `No shares drawn for ${bars}.`,
    join: '; ',
    partJoin: ' ',
    reason: { totalNotRead: 'total handled not read', zeroTotal: 'total handled is 0', contradicts: 'outcomes do not add up to the total handled' },
    bar: (bar: string, reason: string) => `${bar} (${reason})`,
    applicants: (bars: string) => `Not drawn: ${bars} (applicant types not all read; — in the table).`,
    appeals: (bars: string) => `Not read, not drawn (not zero): ${bars}.`,
    categoryJoin: '; ',
    categoryBar: (bar: string, labels: string[]) => `${bar} ${labels.join(', ')}`,
  },
  measures: {
    received: { name: 'New requests', unit: '' },
    handled: { name: 'Requests handled', unit: '' },
    grantRate: { name: 'Share granted in full', unit: '%' },
    review: { name: 'Administrative reviews', unit: '' },
    litigation: { name: 'Lawsuits', unit: '' },
  },
  compare: {
    agency: 'Agency', year: 'Year', unit: (u: string) => (u ? ` (${u})` : ''), handled: 'Total handled', share: 'Share granted in full', kind: 'Level · kind', received: 'New requests',
    seriesAria: (m: string) => `${m} per year, selected agencies`, dispAria: (y: string) => `Outcomes in ${y}, selected agencies`, dispAxis: 'Share of requests handled (%)',
    dispColumn: (label: string) => label,
    rankAria: (y: string) => `Share granted in full in ${y}, ranked`, kindAria: (y: string) => `New requests by agency level and kind, ${y}`,
    seriesTitle: (m: string) => `${m} per year`, cross: (y: string) => y,
    dispTitle: (y: string) => `Outcomes, ${y}`, rankTitle: (y: string) => `Share granted in full, ${y}`, kindTitle: (y: string) => `New requests by agency level and kind, ${y}`,
    kindLabel: (level, kind) => `${levels[level]} · ${kinds[kind]}`,
  },
};
