/** What the filter's test files share: the datasets they read and readers of the filter's shadow DOM. */
import {waitUntil} from '@open-wc/testing';
import {normalize} from '../../../test/helpers.js';

export const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

export const ODS = `/portal/${ODS_PATH}`;

export const LOIRET = 'code_departement = "45"';

export const ORLEANS_METROPOLE = 'Orléans Métropole';

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** `[text, count]` of each choice of a select or checkbox list; the count undefined where none is shown. */
export function choices(el: Element): Array<[string, number | undefined]> {
  const count = (text: string | undefined) =>
    text === undefined ? undefined : Number(text.replace(/[() ]/g, ''));
  const options = [...root(el).querySelectorAll('option')].filter((option) => option.value !== '');
  if (options.length) {
    return options.map((option) => {
      const [, text, shown] = /^(.*?)(?: \(([\d ]+)\))?$/.exec(normalize(option.textContent))!;
      return [text, count(shown)];
    });
  }
  return [...root(el).querySelectorAll('.choice')].map((choice) => [
    normalize(choice.querySelector('.choice-label')!.textContent),
    count(choice.querySelector('.count')?.textContent ?? undefined),
  ]);
}

export function countOf(el: Element, text: string): number | undefined {
  return choices(el).find(([choice]) => choice === text)?.[1];
}

export async function loaded(el: Element): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('[part~=control]') || root(el).querySelector('[part=status]'),
    'the filter never loaded',
    {timeout: 15_000},
  );
}

export function checkbox(el: Element, text: string): HTMLInputElement {
  const choice = [...root(el).querySelectorAll('.choice')].find(
    (candidate) => normalize(candidate.querySelector('.choice-label')!.textContent) === text,
  );
  if (!choice) throw new Error(`no choice « ${text} »`);
  return choice.querySelector('input')!;
}

export function kpiValue(el: Element): string {
  return normalize(root(el).querySelector('[part=value]')?.textContent);
}

export function tableRange(el: Element): string {
  return normalize(root(el).querySelector('.range')?.textContent);
}

export function chips(el: Element): string[] {
  return [...root(el).querySelectorAll('.chip')].map((chip) =>
    normalize(chip.textContent).replace(/\s*✕$/, ''),
  );
}
