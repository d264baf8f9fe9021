/**
 * The template's own arithmetic, run on every record. A failure is data to show, never a reason to
 * change a printed figure. An equation is evaluated only when every cell in it was read.
 */
import { APPEAL_GROUPS, REQUEST_COLUMNS, listDispositionRows, type RequestRowKey } from '../template.ts';
import { LEGACY_CHECK_ID, type Appeals, type CheckFailure, type CheckResult, type Legacy, type Narrative, type Requests } from '../schema/report.ts';
import { LEGACY_COLUMNS, LEGACY_COLUMN_LABELS, LEGACY_SUMS, type LegacyKey } from '../template-legacy.ts';

type Equation = { where: string; left: string[]; right: string[] };
type CellPath = [table: string, row: string, col: string];
/** An equation with its paths split once. */
type Compiled = Equation & { leftPaths: CellPath[]; rightPaths: CellPath[] };

/**
 * The equations of each check (and edition) compiled once: they are the template's, the same for
 * every report, and building and splitting a few hundred paths per report was most of a check's time.
 */
const COMPILED = new Map<string, Compiled[]>();

/** Returns the equations `build` makes, compiled, memoized by `key`. */
function compiled(key: string, build: () => Equation[]): Compiled[] {
  let equations = COMPILED.get(key);
  if (!equations) {
    const split = (p: string) => p.split('.') as CellPath;
    equations = build().map((eq) => ({ ...eq, leftPaths: eq.left.map(split), rightPaths: eq.right.map(split) }));
    COMPILED.set(key, equations);
  }
  return equations;
}

/** Returns the value at a split path like `requests.total.natural`, or null. */
function valueAt(data: { requests: Requests; appeals: Appeals }, [table, row, col]: CellPath): number | null {
  const t = table === 'requests' ? (data.requests as Record<string, Record<string, number | null>>) : (data.appeals as Record<string, Record<string, number | null>>);
  return t[row]?.[col] ?? null;
}

/** Returns the result of a set of equations `sum(left) = sum(right)`. */
function evaluate(id: CheckResult['id'], equations: readonly Compiled[], data: { requests: Requests; appeals: Appeals }): CheckResult {
  const failures: CheckFailure[] = [];
  let evaluated = 0;
  let skipped = 0;
  let anyValue = false;
  for (const eq of equations) {
    const left = eq.leftPaths.map((p) => valueAt(data, p));
    const right = eq.rightPaths.map((p) => valueAt(data, p));
    const read = countRead(left) + countRead(right);
    if (read > 0) anyValue = true;
    if (read < left.length + right.length) {
      skipped++;
      continue;
    }
    evaluated++;
    const expected = sum(left as number[]);
    const actual = sum(right as number[]);
    if (expected !== actual) failures.push({ where: eq.where, cells: [...eq.left, ...eq.right], expected, actual });
  }
  // notApplicable: the table is absent; incomplete: some equations lack a cell.
  const status = failures.length ? 'fail' : !anyValue ? 'notApplicable' : skipped ? 'incomplete' : 'pass';
  return { id, status, evaluated, failures };
}

/** Returns how many of the cells were read (are not null). */
function countRead(values: readonly (number | null)[]): number {
  let n = 0;
  for (const v of values) if (v !== null) n++;
  return n;
}

function sum(values: number[]): number {
  // Round to cents: figures are counts, but a decimal cell must not fail on float noise.
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

const COL_ZH: Record<string, string> = {
  natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计',
};

/** Returns the `balance` check: 一 + 二 = 三（七）总计 + 四, per column. */
export function checkBalance(requests: Requests, appeals: Appeals): CheckResult {
  return evaluate(
    'balance',
    compiled('balance', () => REQUEST_COLUMNS.map((c) => ({
      where: `${COL_ZH[c]}列：本年新收 + 上年结转 = 总计 + 结转下年度`,
      left: [`requests.newReceived.${c}`, `requests.carriedOver.${c}`],
      right: [`requests.total.${c}`, `requests.carriedForward.${c}`],
    }))),
    { requests, appeals },
  );
}

/** Returns the `rowSum` check: in every row, the six applicant columns add up to 总计. */
export function checkRowSum(requests: Requests, appeals: Appeals, edition: '2021' | '2019'): CheckResult {
  const keys = Object.keys(requests) as RequestRowKey[];
  const rows = () => keys.filter(
    (k) => edition === '2019' ? !['otherNoCorrection', 'otherUnpaidFee', 'otherOther'].includes(k) : k !== 'otherHandling',
  );
  return evaluate(
    'rowSum',
    compiled(`rowSum ${edition} ${keys.join()}`, () => rows().map((r) => ({
      where: `「${r}」行：六类申请人之和 = 总计`,
      left: REQUEST_COLUMNS.filter((c) => c !== 'total').map((c) => `requests.${r}.${c}`),
      right: [`requests.${r}.total`],
    }))),
    { requests, appeals },
  );
}

/** Returns the `dispositionSum` check: per column, every disposition row adds up to （七）总计. */
export function checkDispositionSum(requests: Requests, appeals: Appeals, edition: '2021' | '2019'): CheckResult {
  return evaluate(
    'dispositionSum',
    compiled(`dispositionSum ${edition}`, () => REQUEST_COLUMNS.map((c) => ({
      where: `${COL_ZH[c]}列：各项办理结果之和 = 总计`,
      left: listDispositionRows(edition).map((r) => `requests.${r.key}.${c}`),
      right: [`requests.total.${c}`],
    }))),
    { requests, appeals },
  );
}

/** Returns the `appealSum` check: in each appeal group, 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export function checkAppealSum(requests: Requests, appeals: Appeals): CheckResult {
  const zh = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' };
  return evaluate(
    'appealSum',
    compiled('appealSum', () => APPEAL_GROUPS.map((g) => ({
      where: `${zh[g]}：维持 + 纠正 + 其他 + 尚未审结 = 总计`,
      left: ['upheld', 'corrected', 'other', 'pending'].map((o) => `appeals.${g}.${o}`),
      right: [`appeals.${g}.total`],
    }))),
    { requests, appeals },
  );
}

/** Returns the `narrative` check: figures stated in prose equal the tables' 总计 figures. */
export function checkNarrative(requests: Requests, appeals: Appeals, narrative: Narrative, edition: '2021' | '2019'): CheckResult {
  const rowsOf = (prefix: string) => listDispositionRows(edition).filter((r) => r.key.startsWith(prefix)).map((r) => `requests.${r.key}.total`);
  const pairs: { key: keyof Narrative; where: string; cells: string[] }[] = [
    { key: 'requestsReceived', where: '正文所述收到申请数 = 表三本年新收总计', cells: ['requests.newReceived.total'] },
    { key: 'granted', where: '正文所述予以公开数 = 表三予以公开总计', cells: ['requests.granted.total'] },
    { key: 'partiallyGranted', where: '正文所述部分公开数 = 表三部分公开总计', cells: ['requests.partiallyGranted.total'] },
    { key: 'withheld', where: '正文所述不予公开数 = 表三不予公开各项总计之和', cells: rowsOf('withheld') },
    { key: 'unavailable', where: '正文所述无法提供数 = 表三无法提供各项总计之和', cells: rowsOf('unavailable') },
    { key: 'notProcessed', where: '正文所述不予处理数 = 表三不予处理各项总计之和', cells: rowsOf('notProcessed') },
    { key: 'reviewCases', where: '正文所述行政复议数 = 表四行政复议总计', cells: ['appeals.review.total'] },
    { key: 'litigationCases', where: '正文所述行政诉讼数 = 表四行政诉讼总计之和', cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'] },
  ];
  const failures: CheckFailure[] = [];
  let evaluated = 0;
  for (const p of pairs) {
    const stated = narrative[p.key];
    if (!stated) continue;
    const values = p.cells.map((c) => valueAt({ requests, appeals }, c.split('.') as CellPath));
    if (values.some((v) => v === null)) continue;
    evaluated++;
    const tableSum = sum(values as number[]);
    if (tableSum !== stated.value) failures.push({ where: `${p.where}（正文第 ${stated.line} 行）`, cells: p.cells, expected: stated.value, actual: tableSum });
  }
  return { id: 'narrative', status: failures.length ? 'fail' : evaluated ? 'pass' : 'notApplicable', evaluated, failures };
}

/** Returns all five checks, in the spec's order. */
export function runChecks(requests: Requests, appeals: Appeals, narrative: Narrative, edition: '2021' | '2019'): CheckResult[] {
  return [
    checkBalance(requests, appeals),
    checkRowSum(requests, appeals, edition),
    checkDispositionSum(requests, appeals, edition),
    checkAppealSum(requests, appeals),
    checkNarrative(requests, appeals, narrative, edition),
  ];
}

/**
 * Returns the `legacySum` check of the older statistics table: each sum its 其中 rows state
 * (`LEGACY_SUMS`: 网站公开 + 政府公报公开 = 主动公开; the answers' kinds = 答复总数), in each figure
 * column, over the rows the table prints (`printed`); a sum whose total or every part is not printed
 * does not apply. A printed figure left null (a glued run not split) makes the sum incomplete.
 */
export function checkLegacySum(legacy: Legacy, printed: readonly LegacyKey[]): CheckResult {
  const failures: CheckFailure[] = [];
  let evaluated = 0;
  let skipped = 0;
  for (const { total, parts, zh } of LEGACY_SUMS) {
    const printedParts = parts.filter((p) => printed.includes(p));
    if (!printed.includes(total) || printedParts.length === 0) continue;
    for (const column of LEGACY_COLUMNS) {
      const right = legacy[total][column];
      const left = printedParts.map((p) => legacy[p][column]);
      // A column the table does not have is null in every row: nothing to compare.
      if (right === null && left.every((v) => v === null)) continue;
      if (right === null || left.some((v) => v === null)) {
        skipped++;
        continue;
      }
      evaluated++;
      const expected = sum(left as number[]);
      if (expected !== right) {
        failures.push({
          where: `旧式统计表${LEGACY_COLUMN_LABELS[column].zh}列：${zh}`,
          cells: [...printedParts.map((p) => `legacy.${p}.${column}`), `legacy.${total}.${column}`],
          expected,
          actual: right,
        });
      }
    }
  }
  const status = failures.length ? 'fail' : evaluated ? (skipped ? 'incomplete' : 'pass') : skipped ? 'incomplete' : 'notApplicable';
  return { id: LEGACY_CHECK_ID, status, evaluated, failures };
}
