// Building Markdown from untrusted YAML text: everything is escaped, and only http(s) links are made.

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/** Escapes text so Markdown shows it as written (no links, emphasis, HTML or commands). */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

/** Whether `value` is an http(s) URL, which a card may link to. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(value);
  } catch {
    return false;
  }
}

/**
 * The URL as a Markdown link target: as the URL parser writes it (non-ASCII characters escaped),
 * with a stray `%` (`…/100%`) and the brackets that would end the target (`…/Acme_(company)`)
 * escaped too. (decodeURI threw on the stray `%`, and the whole hover failed.)
 */
function linkTarget(url: string): string {
  return new URL(url).href.replace(/[()<>]|%(?![0-9A-Fa-f]{2})/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A link when `url` is http(s), otherwise the escaped text. */
export function link(label: string, url: string): string {
  return isWebUrl(url) ? `[${escapeMarkdown(label)}](${linkTarget(url)})` : escapeMarkdown(label);
}
