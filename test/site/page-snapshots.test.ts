/**
 * One page of each kind of the built sample site, its main content normalised and compared with
 * test/output/pages/ (test/support/snapshot.ts; NIANBAO_UPDATE_SNAPSHOTS=1 rewrites the files). A
 * change to a template, a dictionary or an aggregate shows here as a diff to read, line by line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, it } from 'vitest';
import { DIST, ensureDefaultBuild } from '../support/site.ts';
import { expectSnapshotFile } from '../support/snapshot.ts';

/** Snapshot name → page under dist/: one of each kind, the agency and report pages of 沂源县人民政府 2023. */
const PAGES: Record<string, string> = {
  home: 'index.html',
  'home-en': 'en/index.html',
  agencies: 'agencies/index.html',
  agency: 'agencies/yiyuanxian-renminzhengfu/index.html',
  'agency-en': 'en/agencies/yiyuanxian-renminzhengfu/index.html',
  report: 'reports/yiyuanxian-renminzhengfu-2023/index.html',
  'report-en': 'en/reports/yiyuanxian-renminzhengfu-2023/index.html',
  compare: 'compare/index.html',
  quality: 'quality/index.html',
  findings: 'findings/index.html',
  data: 'data/index.html',
  about: 'about/index.html',
  'not-found': '404.html',
  'embed-compare': 'embed/compare/dispositions/index.html',
  review: 'review/index.html',
};

/** The words before a build's date in a citation or data version: a new day is not a change of the page. */
const BUILD_DATE = /(数据构建于|数据版本|data built|data version) \d{4}-\d{2}-\d{2}/g;
/** The date a ready-made corrections line on the review page carries: the build's. */
const REVIEW_DATE = /(,报告原文,)\d{4}-\d{2}-\d{2}/g;

/**
 * Returns the part of a page that its templates make (its <main>, or the body of an embed),
 * with hashed asset names and the build's date made stable.
 */
function readPageContent(rel: string): string {
  const html = readFileSync(path.join(DIST, rel), 'utf8');
  const { document } = parseHTML(html);
  const main = document.querySelector('main') ?? document.body;
  return main.outerHTML.replace(/(_astro\/[^"'\s]+)\.[\w-]{8}\.(js|css)/g, '$1.$2').replace(BUILD_DATE, '$1 YYYY-MM-DD').replace(REVIEW_DATE, '$1YYYY-MM-DD');
}

beforeAll(() => {
  ensureDefaultBuild();
});

describe('page snapshots', () => {
  for (const [name, rel] of Object.entries(PAGES)) {
    it(`${name}: ${rel}`, () => {
      expectSnapshotFile(`pages/${name}.html`, readPageContent(rel));
    });
  }
});
