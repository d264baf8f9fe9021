/**
 * Reading an Atom feed back with the project's XML parser (linkedom, on htmlparser2), and the rules of
 * RFC 4287 a feed must keep: the feed and each entry have an id (an absolute IRI), a title and an
 * updated RFC 3339 timestamp; each entry links to a page; there is an author.
 */
import { DOMParser } from 'linkedom';

/** One entry as read back. */
export interface ReadEntry {
  id: string | null;
  title: string | null;
  link: string | null;
  updated: string | null;
  published: string | null;
  summary: string | null;
}

/** A feed as read back. */
export interface ReadFeed {
  root: string;
  namespace: string | null;
  lang: string | null;
  id: string | null;
  title: string | null;
  updated: string | null;
  author: string | null;
  self: string | null;
  entries: ReadEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An absolute IRI starts with a scheme (RFC 3987). */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** Returns the text of the first child element named `name`, or null. */
function readChild(parent: Element, name: string): string | null {
  const child = [...parent.children].find((c) => c.tagName === name);
  return child ? child.textContent : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Returns an attribute value with XML's predefined entities decoded: linkedom's XML mode leaves them in attributes. */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}

/** Returns the href of the first `<link>` child with the rel (a link without rel is `alternate`), or null. */
function readLink(parent: Element, rel: string): string | null {
  const link = [...parent.children].find((c) => c.tagName === 'link' && (c.getAttribute('rel') ?? 'alternate') === rel);
  const href = link?.getAttribute('href');
  return href === null || href === undefined ? null : decodeAttribute(href);
}

/** Returns a feed's elements as the XML parser reads them. */
export function readAtomFeed(xml: string): ReadFeed {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const feed = doc.documentElement;
  const author = [...feed.children].find((c) => c.tagName === 'author');
  return {
    root: feed.tagName,
    namespace: feed.getAttribute('xmlns'),
    lang: feed.getAttribute('xml:lang'),
    id: readChild(feed, 'id'),
    title: readChild(feed, 'title'),
    updated: readChild(feed, 'updated'),
    author: author ? readChild(author, 'name') : null,
    self: readLink(feed, 'self'),
    entries: [...feed.children]
      .filter((c) => c.tagName === 'entry')
      .map((e) => ({
        id: readChild(e, 'id'),
        title: readChild(e, 'title'),
        link: readLink(e, 'alternate'),
        updated: readChild(e, 'updated'),
        published: readChild(e, 'published'),
        summary: readChild(e, 'summary'),
      })),
  };
}

/** Returns the ways a feed breaks the rules of RFC 4287 checked here, [] when it keeps them. */
export function listAtomProblems(feed: ReadFeed): string[] {
  const problems: string[] = [];
  if (feed.root !== 'feed' || feed.namespace !== 'http://www.w3.org/2005/Atom') problems.push('root is not an Atom <feed>');
  if (!feed.id || !ABSOLUTE_IRI.test(feed.id)) problems.push(`feed id ${feed.id} is not an absolute IRI`);
  if (!feed.title) problems.push('feed has no title');
  if (!feed.updated || !RFC3339.test(feed.updated)) problems.push(`feed updated ${feed.updated} is not RFC 3339`);
  if (!feed.author) problems.push('feed has no author');
  const ids = new Set<string>();
  feed.entries.forEach((e, i) => {
    if (!e.id || !ABSOLUTE_IRI.test(e.id)) problems.push(`entry ${i}: id ${e.id} is not an absolute IRI`);
    else if (ids.has(e.id)) problems.push(`entry ${i}: id ${e.id} repeats`);
    else ids.add(e.id);
    if (!e.title) problems.push(`entry ${i}: no title`);
    if (!e.link) problems.push(`entry ${i}: no link`);
    if (!e.updated || !RFC3339.test(e.updated)) problems.push(`entry ${i}: updated ${e.updated} is not RFC 3339`);
    if (e.published !== null && !RFC3339.test(e.published)) problems.push(`entry ${i}: published ${e.published} is not RFC 3339`);
  });
  return problems;
}
