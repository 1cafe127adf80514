import type { FormProblem } from '../auth-form';

const regions = new Intl.DisplayNames(undefined, { type: 'region' });

/** "GB" → "United Kingdom (GB)"; the code alone when the browser has no name for it. */
export function countryName(code: string): string {
  try {
    const name = regions.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/**
 * The form's summary of a refusal, naming fields as the form labels them (the fields themselves
 * still show the server's message next to them).
 */
export function summary(problem: FormProblem | null, labels: Record<string, string>): FormProblem | null {
  if (!problem?.fields?.length) return problem;
  return { message: 'Please correct the fields marked below.', fields: problem.fields.map((f) => ({ field: labels[f.field] ?? f.field, message: f.message })) };
}
