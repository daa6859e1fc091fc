/**
 * A link taken from dataset metadata (page, licence), made absolute, or undefined unless it is
 * http(s): metadata comes from the portal and must never put a `javascript:` URL in an `href`.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
