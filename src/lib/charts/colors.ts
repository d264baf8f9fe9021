/**
 * One colour per disposition family, used by every chart and table swatch (colour-blind-safe
 * Okabe–Ito hues, with withheld and unavailable far apart).
 */
import type { DispositionGroup } from '../aggregate/summarize.ts';

export const DISPOSITION_COLORS: Record<DispositionGroup, string> = {
  granted: '#009E73',
  partial: '#56B4E9',
  withheld: '#D55E00',
  unavailable: '#E69F00',
  notProcessed: '#CC79A7',
  otherHandling: '#999999',
};

/** Colours for applicant types and appeal outcomes (Okabe–Ito order). */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];
