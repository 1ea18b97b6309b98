// Building Markdown from untrusted YAML text: everything is escaped, and only http(s) links are made.

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/** Escapes text so Markdown shows it as written (no links, emphasis, HTML or commands). */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !/[\s()<>]/.test(value);
  } catch {
    return false;
  }
}

/** A link when `url` is http(s), otherwise the escaped text. */
export function link(label: string, url: string): string {
  return isWebUrl(url) ? `[${escapeMarkdown(label)}](${encodeURI(decodeURI(url))})` : escapeMarkdown(label);
}
