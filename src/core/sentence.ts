/**
 * Starts a sentence with a capital (messages are written in lower case, to be read after a
 * series' name too) and ends it once: « 524 hab. » takes no second full stop. A chart's summary
 * and a map's title are read before the author's description this way.
 */
export function sentence(text: string): string {
  const capitalized = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.…!?]$/.test(text) ? capitalized : `${capitalized}.`;
}
