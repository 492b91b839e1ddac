import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MessageKey, type Messages, type Placeholders } from './en';
import { ko } from './ko';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];

const DICTIONARIES: Record<Locale, Messages> = { en, ko };
const STORAGE_KEY = 'shape-cnn.locale';

type Params<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

let current: Locale = initialLocale();
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

/** Switches the language everywhere, remembers it, and keeps `<html lang>` and the title in step. */
export function setLocale(next: Locale): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  applyToDocument();
  for (const listener of listeners) listener();
}

export function applyToDocument(): void {
  document.documentElement.lang = current;
  document.title = t('app.title');
  document.querySelector('meta[name="description"]')?.setAttribute('content', t('app.tagline'));
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...[params]: Params<K>): string {
  const message = DICTIONARIES[current][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (params as Record<string, string | number>)[name];
    return value === undefined ? whole : String(value);
  });
}

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
