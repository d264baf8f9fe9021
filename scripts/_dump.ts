import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readReportText, FORMAT_BY_EXTENSION } from '../src/lib/extract/formats.ts';
const out = process.argv[2]!; mkdirSync(out, { recursive: true });
const roots = ['../shared/corpus-real', '../shared/corpus', 'content/reports', 'test/fixtures', 'bench/cache/corpus-10000/reports'];
let n = 0; const h = createHash('sha256');
for (const root of roots) {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(html?|docx)$/i.test(f)).sort();
  for (const f of files.slice(0, 1500)) {
    const fmt = FORMAT_BY_EXTENSION[path.extname(f).toLowerCase()] as 'html';
    const r = await readReportText(readFileSync(path.join(root, f)), fmt);
    const s = JSON.stringify(r);
    h.update(s);
    writeFileSync(path.join(out, `${root.replace(/\W/g, '_')}__${f.replace(/\W/g, '_')}.txt`), r.ok ? r.text : r.error);
    n++;
  }
}
console.log(n, h.digest('hex'));
