import { HtmlValidate, type Message } from 'html-validate';

const validator = new HtmlValidate({
  // Correctness, accessibility and document structure; the purely stylistic rules of
  // "recommended" (upper-case DOCTYPE, trailing white space) are left out.
  extends: ['html-validate:standard', 'html-validate:a11y', 'html-validate:document'],
});

/** html-validate errors of a document, as readable lines (empty when the page is valid). */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.filter((m: Message) => m.severity === 2).map((m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
