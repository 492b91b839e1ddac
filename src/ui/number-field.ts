import { html } from 'lit';
import { formatNumber } from './format';
import { t } from './i18n/i18n';

/** A number input's allowed values: the range, and whole numbers only when its step is 1. */
export interface NumberRange {
  min: number;
  max: number;
  step: string;
}

const whole = (range: NumberRange) => range.step === '1';

/** What is wrong with what the person typed, in their language, or '' when it is allowed. */
export function numberProblem(input: HTMLInputElement, range: NumberRange): string {
  if (input.validity.valid) return '';
  const bounds = { min: formatNumber(range.min), max: formatNumber(range.max) };
  return t(whole(range) ? 'field.wholeRange' : 'field.range', bounds);
}

/**
 * A labelled number input whose allowed range is said beside it, and whose problem (if any) is said
 * under it and tied to it for screen readers: a person sees what to type before and after typing.
 */
export function numberField(
  id: string,
  label: unknown,
  range: NumberRange,
  value: number,
  problem: string,
  disabled = false,
) {
  const hint = t('field.allowed', { min: formatNumber(range.min), max: formatNumber(range.max) });
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${id} type="number" required min=${range.min} max=${range.max} step=${range.step}
        ?disabled=${disabled} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="${id}-hint ${id}-problem"
        .value=${String(value)} />
      <span class="hint muted" id="${id}-hint">${hint}</span>
      <span class="problem" id="${id}-problem" ?hidden=${!problem}>${problem}</span>
    </div>
  `;
}
