// naive-ui puts data-testid on its wrapper; the e2e test types into the real <input>, so the id goes
// through input-props. Vue's attribute types do not list data-* keys, hence this helper.
import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'vue';

export function inputProps(testId: string, extra: InputHTMLAttributes = {}): InputHTMLAttributes {
  return Object.assign({}, extra, { 'data-testid': testId });
}

export function textareaProps(testId: string): TextareaHTMLAttributes {
  return Object.assign({} as TextareaHTMLAttributes, { 'data-testid': testId });
}
