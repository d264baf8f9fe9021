/**
 * Atom feeds (RFC 4287) as text: a feed and its entries in, XML out. Every text and attribute is
 * escaped here, since entry titles and summaries carry report text, which is untrusted; characters
 * XML 1.0 does not allow (control characters, lone surrogates) become U+FFFD, so that a stray form
 * feed in a report cannot make the whole feed unreadable.
 */
import { createHash } from 'node:crypto';

/** One entry: id, title, link and updated are the elements Atom requires of it. */
export interface AtomEntry {
  /** A permanent IRI (here `urn:uuid:…`, see `nameUuid`). */
  id: string;
  title: string;
  /** The page the entry is about (absolute, or relative to the feed's own URL). */
  link: string;
  /** RFC 3339 timestamp. */
  updated: string;
  /** RFC 3339 timestamp of first publication, when known. */
  published?: string;
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 timestamp. */
  updated: string;
  /** Language of the text (xml:lang), e.g. zh-CN. */
  lang: string;
  /** Atom requires an author of the feed or of every entry: the feed's. */
  author: string;
  /** The feed's own URL. */
  self: string;
  /** The web page the feed mirrors. */
  alternate: string;
  entries: readonly AtomEntry[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Returns text safe in XML content and in a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The name space of names that are URLs (RFC 4122 appendix C). */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Returns the name-based (version 5, SHA-1) UUID of a name as a `urn:uuid:` IRI: the same name always
 * gives the same id, and no domain is needed, so an entry keeps its id whether or not the site's URL
 * is configured.
 */
export function nameUuid(name: string, namespace: string = URL_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Returns one `<entry>`. */
function formatEntry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    `    <updated>${escapeXml(e.updated)}</updated>`,
    ...(e.published ? [`    <published>${escapeXml(e.published)}</published>`] : []),
    ...(e.summary ? [`    <summary type="text">${escapeXml(e.summary)}</summary>`] : []),
    '  </entry>',
  ].join('\n');
}

/** Returns the feed as an Atom 1.0 document. */
export function formatAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    ...feed.entries.map(formatEntry),
    '</feed>',
    '',
  ].join('\n');
}
