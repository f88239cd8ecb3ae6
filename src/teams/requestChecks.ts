// Checks on an inbound request before its body is trusted as an activity. The Bot Framework always
// posts JSON; a browser page can post a form or text cross-site with no CORS check (a "simple"
// request), but not JSON, and it always names its page in an Origin header.
import { isLoopbackUrl } from './localMode';

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** True when the body is declared as JSON (`application/json`, any parameters such as charset). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Local mode answers only clients on this machine. A web page the user has open is on this
 * machine too, so a request a browser made for a page is refused: it carries an Origin header
 * (browsers add it to every cross-site request and every POST), and unless that origin is itself a
 * loopback address the request came from elsewhere. A Host header that is not a loopback name means
 * a DNS-rebinding page. Node clients (`npm run chat`, the Playground's server) send neither. */
export function localRequestProblem(headers: Headers): string | undefined {
  const origin = header(headers, 'origin');
  if (origin !== undefined && !isLoopbackUrl(origin)) return 'a request from a web page (Origin is not a loopback address)';
  const fetchSite = header(headers, 'sec-fetch-site');
  if (fetchSite === 'cross-site') return 'a cross-site request from a web page';
  const host = header(headers, 'host');
  if (host !== undefined && !isLoopbackUrl(`http://${host}`)) return 'a Host that is not a loopback address';
  return undefined;
}
