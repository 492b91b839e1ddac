import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProblemCode } from '../../shared/problem-messages';
import { describeProblem, fillPlaceholders, type Problem } from '../../shared/problems';
import type { en } from './en';
import type { MessageKey, Messages, Placeholders } from './messages';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];

/** Each language is its own chunk: a visit loads the one it shows (both are cached for offline use). */
const DICTIONARIES: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  ko: () => import('./ko').then((m) => m.ko),
};
const STORAGE_KEY = 'shape-cnn.locale';

type ProblemMessages = { readonly [C in ProblemCode]: string };
/** The engine's problems with a person's data: loaded at the first one to show, not at start-up. */
const PROBLEM_DICTIONARIES: Record<Locale, () => Promise<ProblemMessages>> = {
  en: () => import('../../shared/problem-messages').then((m) => m.PROBLEMS),
  ko: () => import('./problems.ko').then((m) => m.koProblems),
};

type Params<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

let current: Locale = initialLocale();
let messages: Messages | undefined;
let problems: ProblemMessages | undefined;
const listeners = new Set<() => void>();

function initialLocale(): Locale {
  const stored = readStored();
  if (stored) return stored;
  // The first of the browser's preferred languages that the app speaks.
  for (const tag of navigator.languages.length ? navigator.languages : [navigator.language]) {
    const found = LOCALES.find((locale) => tag.toLowerCase().split('-')[0] === locale);
    if (found) return found;
  }
  return 'en';
}

function readStored(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === value);
  } catch {
    // Storage can be blocked (private modes, policies): the browser's language still applies.
    return undefined;
  }
}

export const locale = (): Locale => current;

/** Loads the language the page starts in; nothing is rendered before it is there. */
export async function loadInitialLocale(): Promise<void> {
  messages = await DICTIONARIES[current]();
  applyToDocument();
}

/** Switches the language everywhere, remembers it, and keeps `<html lang>` and the title in step. */
export async function setLocale(next: Locale): Promise<void> {
  const [loaded, loadedProblems] = await Promise.all([DICTIONARIES[next](), problems && PROBLEM_DICTIONARIES[next]()]);
  current = next;
  messages = loaded;
  problems = loadedProblems;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  applyToDocument();
  for (const listener of listeners) listener();
}

function applyToDocument(): void {
  document.documentElement.lang = current;
  document.title = t('app.title');
  document.querySelector('meta[name="description"]')?.setAttribute('content', t('app.tagline'));
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...[params]: Params<K>): string {
  const message = messages![key];
  return params ? fillPlaceholders(message, params) : message;
}

/** Loads the messages for the engine's problems in the current language, once. */
export async function loadProblemMessages(): Promise<void> {
  problems ??= await PROBLEM_DICTIONARIES[current]();
}

/** A problem the engine reported, said in the current language (after `loadProblemMessages`). */
export const problemText = (problem: Problem): string =>
  describeProblem(problem, problems?.[problem.code] ?? problem.code);

/** Re-renders a Lit element whenever the language changes. */
export class LocaleController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const listener = () => this.host.requestUpdate();
    listeners.add(listener);
    this.unsubscribe = () => listeners.delete(listener);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}

/** True when the dictionary has `key` (e.g. a translated name for a class). */
export const hasMessage = (key: string): key is MessageKey => !!messages && key in messages;
