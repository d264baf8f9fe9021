/** Installs a linkedom document for build-time chart rendering. Import for its side effect, server only. */
import { parseHTML } from 'linkedom';
import { setChartDocument } from './render.ts';

setChartDocument(parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
