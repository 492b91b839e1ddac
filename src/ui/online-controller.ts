import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the browser believes it is online, kept current by its online and offline events. */
export class OnlineController implements ReactiveController {
  online = navigator.onLine;
  private readonly update = () => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
  }
}
