/**
 * What an outcomes bar may draw. A bar's shares are of （七）总计 as printed; a family whose rows were
 * not all read is unknown, and the part of the total it and the other unknown families hold is an
 * explicit "not read" part, never spread over the known families or dropped (which would draw the
 * known ones too wide). A total that is 0, not read, or that the known families exceed draws no
 * shares at all: the chart says why instead.
 */
import { sum } from 'd3-array';
import { DISPOSITION_GROUPS, sumOrNull, type DispositionGroup, type ReportSummary } from './summarize.ts';

/** A part of an outcomes bar: a disposition family, or `unread`, the requests no read family holds. */
export type DispositionPart = DispositionGroup | 'unread';

/**
 * Why a bar draws no shares: `totalNotRead`, （七）总计 is blank; `zeroTotal`, it is 0 (whatever the
 * rows say: a share of nothing is no share); `contradicts`, the families read add up to more than it,
 * or every family is read and they add up to something else.
 */
export type UndrawnReason = 'totalNotRead' | 'zeroTotal' | 'contradicts';

/** One bar's outcomes, in requests: what is read, what is not, and whether shares can be drawn. */
export interface DispositionBar {
  /** （七）总计 (summed over the bar's reports), requests; null when it was not read in one of them. */
  handled: number | null;
  /** Requests per family; null where a row of the family was not read (in any of the bar's reports). */
  counts: Record<DispositionGroup, number | null>;
  /** Requests of `handled` that no read family holds (0 when every family is read); null when no shares are drawn. */
  unread: number | null;
  /** Why no shares are drawn, or null when they are. */
  undrawn: UndrawnReason | null;
}

/** Returns the outcomes bar of one report, or of several summed (every family and total summed or null). */
export function readDispositionBar(reports: readonly ReportSummary[]): DispositionBar {
  const counts = Object.fromEntries(DISPOSITION_GROUPS.map((g) => [g, sumOrNull(reports.map((s) => s.dispositions[g]))])) as Record<DispositionGroup, number | null>;
  const handled = sumOrNull(reports.map((s) => s.handled));
  const known = DISPOSITION_GROUPS.flatMap((g) => counts[g] ?? []);
  const read = sum(known);
  const allRead = known.length === DISPOSITION_GROUPS.length;
  const undrawn: UndrawnReason | null =
    handled === null ? 'totalNotRead' : handled === 0 ? 'zeroTotal' : read > handled || (allRead && read !== handled) ? 'contradicts' : null;
  return { handled, counts, unread: undrawn === null ? handled! - read : null, undrawn };
}

/** A segment of an outcomes bar. */
export interface DispositionSegment {
  /** Bar label: agency name, or year on an agency page. */
  bar: string;
  /** The part; its words are the page's (views/outcome-segments.ts). */
  group: DispositionPart;
  /** Requests. */
  count: number;
  /** Share of the bar's （七）总计, 0–1. */
  share: number;
}

/**
 * Returns a bar's segments: one per family read (zeros too), then the part not read when there is
 * one; none when the bar draws no shares.
 */
export function listBarSegments(bar: string, outcome: DispositionBar): DispositionSegment[] {
  if (outcome.undrawn !== null) return [];
  const handled = outcome.handled!;
  const read = DISPOSITION_GROUPS.flatMap((g): DispositionSegment[] => {
    const count = outcome.counts[g];
    return count === null ? [] : [{ bar, group: g, count, share: count / handled }];
  });
  const unread = outcome.unread!;
  return unread > 0 ? [...read, { bar, group: 'unread', count: unread, share: unread / handled }] : read;
}

/** A bar drawn without shares, and why. */
export interface UndrawnBar {
  bar: string;
  reason: UndrawnReason;
}

/** Returns the reports (one bar each) whose outcomes draw no shares, each with its reason, in input order. */
export function listUndrawnBars(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): UndrawnBar[] {
  return summaries.flatMap((s) => {
    const { undrawn } = readDispositionBar([s]);
    return undrawn === null ? [] : [{ bar: barOf(s), reason: undrawn }];
  });
}

/** Returns true when any segment is a part not read. */
export function hasUnreadPart(segments: readonly DispositionSegment[]): boolean {
  return segments.some((s) => s.group === 'unread');
}
