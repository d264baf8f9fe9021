/**
 * The Atom writer: a valid feed read back by the XML parser, report text escaped (a title holding
 * `<script>` and `&` is that text, not markup), characters XML forbids replaced, and name-based ids.
 */
import { describe, expect, it } from 'vitest';
import { escapeXml, formatAtomFeed, nameUuid, type AtomFeed } from '../../../src/lib/feed/atom.ts';
import { listAtomProblems, readAtomFeed } from '../../support/atom.ts';

const HOSTILE = '<script>alert("x")</script> & 某局 \'年报\'';

const feed: AtomFeed = {
  id: nameUuid('/feed/reports.xml'),
  title: '年报观察 & <b>',
  updated: '2025-01-02T00:00:00Z',
  lang: 'zh-CN',
  author: '年报观察',
  self: '/feed/reports.xml',
  alternate: '/',
  entries: [
    { id: nameUuid('/reports/a-2024/'), title: HOSTILE, link: '/reports/a-2024/?x=1&y=<2>', updated: '2025-01-20T00:00:00+08:00', published: '2025-01-20T00:00:00+08:00', summary: `摘要 ${HOSTILE}` },
    { id: nameUuid('/reports/b-2024/'), title: '换页\f与孤立代理\uD800', link: '/reports/b-2024/', updated: '2025-01-02T00:00:00Z' },
  ],
};
const xml = formatAtomFeed(feed);

describe('formatAtomFeed', () => {
  it('writes a feed the XML parser reads back whole, with the elements Atom requires', () => {
    const read = readAtomFeed(xml);
    expect(listAtomProblems(read)).toEqual([]);
    expect(read).toMatchObject({ lang: 'zh-CN', title: '年报观察 & <b>', author: '年报观察', self: '/feed/reports.xml' });
    expect(read.entries.map((e) => e.id)).toEqual(feed.entries.map((e) => e.id));
    expect(read.entries[1]!.published).toBeNull();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
  });

  it('escapes report text: a title with <script> and & is text, not markup', () => {
    const entry = readAtomFeed(xml).entries[0]!;
    expect(entry.title).toBe(HOSTILE);
    expect(entry.summary).toBe(`摘要 ${HOSTILE}`);
    expect(entry.link).toBe('/reports/a-2024/?x=1&y=<2>');
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 某局 &apos;年报&apos;');
    // Every & in the document starts an entity.
    expect(xml.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
  });

  it('replaces the characters XML 1.0 does not allow, so one stray byte cannot spoil the feed', () => {
    expect(readAtomFeed(xml).entries[1]!.title).toBe('换页\uFFFD与孤立代理\uFFFD');
    expect(escapeXml('a\u0000b\u0008c\td\ne\u{1F600}')).toBe('a\uFFFDb\uFFFDc\td\ne\u{1F600}');
  });

  it('flags a feed that lacks what Atom requires (so that the checks above can fail)', () => {
    const bare = readAtomFeed(formatAtomFeed({ ...feed, id: '/relative', entries: [{ ...feed.entries[0]!, updated: '2025-01-20' }, feed.entries[0]!] }));
    expect(listAtomProblems(bare)).toEqual(['feed id /relative is not an absolute IRI', 'entry 0: updated 2025-01-20 is not RFC 3339', `entry 1: id ${feed.entries[0]!.id} repeats`]);
    expect(listAtomProblems(readAtomFeed('<?xml version="1.0"?><rss/>'))).toContain('root is not an Atom <feed>');
  });
});

describe('nameUuid', () => {
  it('is the version 5 UUID of RFC 4122: the same name, the same id', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(nameUuid('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('urn:uuid:886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(nameUuid('/reports/a-2024/')).toBe(nameUuid('/reports/a-2024/'));
    expect(nameUuid('/reports/a-2024/')).not.toBe(nameUuid('/reports/a-2023/'));
  });
});
