/**
 * The true figures of one generated report: tables A, B and C for a template edition, drawn so that
 * the template's own arithmetic holds (balance, rowSum, dispositionSum, appealSum), with the printed
 * form of every table-A cell (增 69, 减 3, 12.5万元). Counts are requests, cases, documents, items or
 * decisions; money is 万元 (2021 fees) or yuan (2019 procurement), as the schema says.
 */
import type { Appeals, Proactive2019, Proactive2021, RequestRow, Requests } from '../../../src/lib/schema/report.ts';
import { APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS, listDispositionRows, type RequestColumn, type RequestRowKey } from '../../../src/lib/template.ts';
import type { AgencySpec } from './agencies.ts';
import type { Rng } from './prng.ts';

export type Edition = '2021' | '2019';

export interface Figures {
  edition: Edition;
  /** Table A as the record should hold it. */
  proactive: Proactive2021 | Proactive2019;
  /** Table A as printed: row key → cell texts in column order. */
  proactivePrinted: Record<string, string[]>;
  requests: Requests;
  appeals: Appeals;
}

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c !== 'total');

/** Relative frequency of each disposition row (granted is the common outcome). */
const DISPOSITION_WEIGHTS: Partial<Record<RequestRowKey, number>> = {
  granted: 45, partiallyGranted: 8,
  withheldStateSecret: 0.3, withheldLawProhibited: 0.5, withheldSecurityStability: 0.3, withheldThirdParty: 2,
  withheldInternalAffairs: 2, withheldProcessInfo: 2, withheldEnforcementFile: 0.5, withheldAdminQuery: 1,
  unavailableNotHeld: 20, unavailableNeedsCreation: 4, unavailableUnclear: 2,
  notProcessedComplaint: 2, notProcessedDuplicate: 3, notProcessedPublication: 1, notProcessedExcessive: 1, notProcessedConfirmation: 1,
  otherNoCorrection: 3, otherUnpaidFee: 0.3, otherOther: 3, otherHandling: 6,
};

const emptyRow = (): RequestRow => ({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, other: null, total: null });

/** Returns a table B with every row of the template, all cells null. */
export function nullRequests(): Requests {
  return Object.fromEntries(REQUEST_ROWS.map((r) => [r.key, emptyRow()])) as Requests;
}

/** Returns a table C with every cell null. */
export function nullAppeals(): Appeals {
  const g = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return { review: g(), litigationDirect: g(), litigationAfterReview: g() };
}

/** Typical yearly requests received (natural persons) for the agency, before noise. */
function typicalRequests(agency: AgencySpec): number {
  if (agency.kind === 'government') return agency.level === 'city' ? 120 : 25;
  return agency.level === 'city' ? 12 : 5;
}

/** Returns table B for an edition; `busy` forces enough requests for a perturbation to fit. */
function drawRequests(rng: Rng, agency: AgencySpec, edition: Edition, busy: boolean): Requests {
  const requests = nullRequests();
  const rows = REQUEST_ROWS.filter((r) => r.editions.includes(edition)).map((r) => r.key);
  for (const key of rows) for (const c of REQUEST_COLUMNS) requests[key][c] = 0;
  const quiet = !busy && rng.chance(0.3);
  const typical = typicalRequests(agency);
  const natural = quiet ? 0 : Math.max(busy ? 6 : 1, Math.round(typical * (0.2 + rng.next() * 1.6)));
  const newReceived: Record<string, number> = {
    natural,
    commercial: busy ? rng.int(2, 6) : !quiet && rng.chance(0.35) ? rng.int(1, Math.max(1, Math.round(natural / 4))) : 0,
    research: !quiet && rng.chance(0.05) ? rng.int(1, 2) : 0,
    nonprofit: !quiet && rng.chance(0.05) ? rng.int(1, 2) : 0,
    legal: !quiet && rng.chance(0.15) ? rng.int(1, 3) : 0,
    other: !quiet && rng.chance(0.1) ? rng.int(1, 3) : 0,
  };
  const dispositions = listDispositionRows(edition).map((r) => [r.key, DISPOSITION_WEIGHTS[r.key] ?? 1] as const);
  for (const c of APPLICANTS) {
    const received = newReceived[c]!;
    const carriedOver = received > 0 && rng.chance(0.25) ? rng.int(1, Math.max(1, Math.round(received / 5))) : 0;
    const open = received + carriedOver;
    const carriedForward = open > 0 && rng.chance(0.3) ? rng.int(0, Math.max(0, Math.round(open / 6))) : 0;
    requests.newReceived[c] = received;
    requests.carriedOver[c] = carriedOver;
    requests.carriedForward[c] = carriedForward;
    for (let i = 0; i < open - carriedForward; i++) {
      const key = rng.weighted(dispositions);
      requests[key][c]! += 1;
    }
  }
  // 总计 row and column follow from the parts: the template's arithmetic holds by construction.
  const handled = listDispositionRows(edition).map((r) => r.key);
  for (const c of APPLICANTS) requests.total[c] = handled.reduce((s, k) => s + requests[k][c]!, 0);
  for (const key of rows) requests[key].total = APPLICANTS.reduce((s, c) => s + requests[key][c]!, 0);
  return requests;
}

/** Returns table C: most agencies have no cases; each group's 总计 is the sum of its outcomes. */
function drawAppeals(rng: Rng, agency: AgencySpec): Appeals {
  const appeals = nullAppeals();
  const busy = agency.kind === 'government' ? 2 : 1;
  const odds = { review: 0.2 * busy, litigationDirect: 0.1 * busy, litigationAfterReview: 0.05 * busy };
  for (const g of APPEAL_GROUPS) {
    const active = rng.chance(odds[g]);
    const upheld = active ? rng.int(0, 3) : 0;
    const corrected = active && rng.chance(0.3) ? rng.int(1, 2) : 0;
    const other = active && rng.chance(0.3) ? rng.int(1, 2) : 0;
    const pending = active && rng.chance(0.3) ? rng.int(1, 2) : 0;
    appeals[g] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
  }
  return appeals;
}

/** Returns a count that is usually 0 and otherwise up to `max`. */
const mostlyZero = (rng: Rng, p: number, max: number) => (rng.chance(p) ? rng.int(1, max) : 0);

/** Returns table A, 2021 edition, and its printed cells. */
function drawProactive2021(rng: Rng, agency: AgencySpec): Pick<Figures, 'proactive' | 'proactivePrinted'> {
  const gov = agency.kind === 'government';
  const rulesIssued = gov && agency.level === 'city' ? mostlyZero(rng, 0.4, 4) : 0;
  const rulesInForce = rulesIssued + (gov && agency.level === 'city' ? rng.int(0, 60) : 0);
  const docsIssued = mostlyZero(rng, gov ? 0.8 : 0.3, gov ? 25 : 6);
  const docsInForce = docsIssued + mostlyZero(rng, 0.7, gov ? 150 : 30);
  const licensing = agency.body === '行政审批服务局' ? rng.int(800, 90000) : mostlyZero(rng, 0.6, gov ? 8000 : 3000);
  const penalty = ['市场监督管理局', '公安局', '生态环境局', '交通运输局'].includes(agency.body) ? rng.int(10, 6000) : mostlyZero(rng, 0.4, 500);
  const coercion = mostlyZero(rng, 0.25, 700);
  // 万元 with up to two decimals, kept as hundredths so the printed text and the value agree exactly.
  const feeHundredths = rng.chance(0.3) ? rng.int(1, 900000) : 0;
  const fee = feeHundredths / 100;
  const proactive: Proactive2021 = {
    rules: { issued: rulesIssued, repealed: mostlyZero(rng, 0.1, 2), inForce: rulesInForce },
    normativeDocs: { issued: docsIssued, repealed: mostlyZero(rng, 0.3, 5), inForce: docsInForce },
    licensing: { decisions: licensing },
    penalty: { decisions: penalty },
    coercion: { decisions: coercion },
    fees: { amountWan: fee },
  };
  const s = String;
  return {
    proactive,
    proactivePrinted: {
      rules: [s(proactive.rules.issued), s(proactive.rules.repealed), s(proactive.rules.inForce)],
      normativeDocs: [s(proactive.normativeDocs.issued), s(proactive.normativeDocs.repealed), s(proactive.normativeDocs.inForce)],
      licensing: [s(licensing)],
      penalty: [s(penalty)],
      coercion: [s(coercion)],
      fees: [feeHundredths % 100 === 0 ? s(feeHundredths / 100) : fee.toFixed(2)],
    },
  };
}

/** Returns a signed 本年增/减 and how it is printed (增 69, 减 3, -18, 0). */
function drawChange(rng: Rng, prev: number): [number, string] {
  const change = rng.chance(0.5) ? 0 : prev === 0 || rng.chance(0.7) ? rng.int(1, 70) : -rng.int(1, Math.min(prev, 20));
  if (change === 0) return [0, '0'];
  const printed = rng.chance(0.7) ? `${change > 0 ? '增' : '减'} ${Math.abs(change)}` : String(change);
  return [change, printed];
}

/** Returns 采购总金额 in yuan and its printed form (251000元, 73802895.90元, 12.5万元, 0). */
function drawProcurement(rng: Rng, projects: number): [number, string] {
  if (projects === 0) return [0, '0'];
  if (rng.chance(0.4)) {
    // Printed in 万元 with one or two decimals: keep hundredths of 万元 (= 100 yuan) exact.
    const hundredths = rng.int(1, 500000);
    const printed = hundredths % 10 === 0 ? (hundredths / 100).toFixed(1) : (hundredths / 100).toFixed(2);
    return [hundredths * 100, `${printed.replace(/\.0$/, '')}万元`];
  }
  const cents = rng.chance(0.5) ? rng.int(10_000, 50_000_000) * 100 : rng.int(1_000_000, 5_000_000_000);
  const printed = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return [cents / 100, `${printed}元`];
}

/** Returns table A, 2019 edition, and its printed cells. */
function drawProactive2019(rng: Rng, agency: AgencySpec): Pick<Figures, 'proactive' | 'proactivePrinted'> {
  const gov = agency.kind === 'government';
  const printed: Record<string, string[]> = {};
  const documents = (key: 'rules' | 'normativeDocs', p: number, max: number) => {
    const made = mostlyZero(rng, p, max);
    const published = made;
    const totalPublic = published + mostlyZero(rng, 0.6, max * 6);
    printed[key] = [String(made), String(published), String(totalPublic)];
    return { made, published, totalPublic };
  };
  const items = (key: string, p: number, maxItems: number, maxDecisions: number) => {
    const prevItems = mostlyZero(rng, p, maxItems);
    const [change, changeText] = prevItems > 0 || rng.chance(0.2) ? drawChange(rng, prevItems) : [0, '0'] as [number, string];
    const decisions = prevItems + change > 0 ? rng.int(0, maxDecisions) : 0;
    printed[key] = [String(prevItems), changeText, String(decisions)];
    return { prevItems, change, decisions };
  };
  const rules = documents('rules', gov && agency.level === 'city' ? 0.4 : 0, 4);
  const normativeDocs = documents('normativeDocs', gov ? 0.8 : 0.3, gov ? 20 : 6);
  const licensing = items('licensing', 0.8, 300, agency.body === '行政审批服务局' ? 90000 : 5000);
  const otherServices = items('otherServices', 0.4, 60, 20000);
  const penalty = items('penalty', 0.5, 400, 3000);
  const coercion = items('coercion', 0.3, 40, 300);
  const feesPrev = mostlyZero(rng, 0.4, 30);
  const [feesChange, feesChangeText] = feesPrev > 0 ? drawChange(rng, feesPrev) : [0, '0'] as [number, string];
  printed.fees = [String(feesPrev), feesChangeText];
  const projects = mostlyZero(rng, 0.5, 60);
  const [amountYuan, amountText] = drawProcurement(rng, projects);
  printed.procurement = [String(projects), amountText];
  const proactive: Proactive2019 = {
    rules, normativeDocs, licensing, otherServices, penalty, coercion,
    fees: { prevItems: feesPrev, change: feesChange },
    procurement: { projects, amountYuan },
  };
  return { proactive, proactivePrinted: printed };
}

/** Returns the figures of one report: every equation of the template holds. */
export function drawFigures(rng: Rng, agency: AgencySpec, edition: Edition, busy = false): Figures {
  const a = edition === '2021' ? drawProactive2021(rng, agency) : drawProactive2019(rng, agency);
  return { edition, ...a, requests: drawRequests(rng, agency, edition, busy), appeals: drawAppeals(rng, agency) };
}

/** The checks a generated report may deliberately fail, one at a time. */
export type Violation = 'balance' | 'rowSum' | 'dispositionSum' | 'appealSum' | 'narrative';

/**
 * Changes printed figures so that exactly one check of the template fails and the others still
 * pass (the narrative violation is made in the prose, not here). Returns a description of the
 * change, or null when this table has too few non-zero cells to do it.
 */
export function applyViolation(rng: Rng, f: Figures, violation: Exclude<Violation, 'narrative'>): string | null {
  const r = f.requests;
  const dispositions = listDispositionRows(f.edition).map((x) => x.key);
  switch (violation) {
    case 'balance': {
      // 一 + 二 ≠ 七 + 四 in two columns; the row still adds up, no disposition is touched.
      r.newReceived.natural! += 1;
      r.newReceived.total! += 1;
      return '本年新收·自然人与总计各多 1';
    }
    case 'rowSum': {
      // Move one request between two rows of one column: every column still adds up, two rows do not.
      for (const c of APPLICANTS) {
        const from = dispositions.find((k) => r[k][c]! > 0);
        const to = from && dispositions.find((k) => k !== from);
        if (from && to) {
          r[from][c]! -= 1;
          r[to][c]! += 1;
          return `${from}→${to}（${c}）移动 1 件，行合计未改`;
        }
      }
      return null;
    }
    case 'dispositionSum': {
      // Move one request between two columns of one row: the row still adds up, two columns do not.
      for (const k of dispositions) {
        const from = APPLICANTS.find((c) => r[k][c]! > 0);
        if (from) {
          const to: RequestColumn = from === 'natural' ? 'commercial' : 'natural';
          r[k][from]! -= 1;
          r[k][to]! += 1;
          return `${k} 行 ${from}→${to} 移动 1 件，总计列未改`;
        }
      }
      return null;
    }
    case 'appealSum': {
      const g = rng.pick(APPEAL_GROUPS);
      f.appeals[g].upheld! += 1;
      return `${g} 结果维持多 1，总计未改`;
    }
  }
}
