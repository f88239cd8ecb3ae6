// What a person typed is shown back as text, never as markup: Adaptive Card TextBlocks (and Teams
// messages) render Markdown, so a typed "[verify your login](https://…)" would become a live link in
// a card the bot posts. Every ASCII punctuation character that can take part in markup gets a
// backslash (CommonMark lets any of them be escaped, and the escaped character shows as itself),
// which also breaks up bare URLs and addresses so they are not turned into links. Commas, question
// marks, apostrophes, quotes, semicolons and per cent signs never make markup, so they are left as
// typed: the text reads the same to a program that takes it raw. Line breaks become spaces: no lists
// or headings.
const PUNCTUATION = /[!#$&()*+\-./:<=>@[\\\]^_`{|}~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(PUNCTUATION, (c) => `\\${c}`);
}

/** The characters that make emphasis, code, a link or an HTML tag wherever they stand in a line. */
const EMPHASIS = /[*_`[\]<>\\~]/g;

/** Text of our own knowledge (a title, a service's name, where a passage sits) put inside a message:
 * only the characters that would turn it into emphasis, code or a link are escaped, so "outcome 3.2",
 * "8am-10pm" and "(H@H)" stay as written for a reader, a screen reader and anything that copies them. */
export function knowledgeText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(EMPHASIS, (c) => `\\${c}`);
}

/** The reverse, for a terminal that shows card text as plain text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}
