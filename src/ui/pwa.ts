import { registerSW } from 'virtual:pwa-register';

export interface UpdateHandlers {
  /** The app is cached for offline use (the first install). */
  offlineReady(): void;
  /** A new version is installed and waits for the person to reload. */
  needRefresh(): void;
  registerError(error: unknown): void;
}

/**
 * Registers the service worker (`registerType: 'prompt'`: updates never apply by themselves).
 * Returns the function that activates the waiting version and reloads the page.
 */
export const watchForUpdates = (handlers: UpdateHandlers): (() => Promise<void>) =>
  registerSW({
    immediate: true,
    onOfflineReady: handlers.offlineReady,
    onNeedRefresh: handlers.needRefresh,
    onRegisterError: handlers.registerError,
  });
