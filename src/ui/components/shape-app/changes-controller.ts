import type { ReactiveController } from 'lit';
import { CHANGES_CHANNEL, type StoredChange } from '../../../shared/api';
import type { AppHost } from './app-host';

/**
 * Another tab of the app changed stored samples or models: this tab shows them without a reload,
 * read again from its own worker. Changes this tab's worker made arrive as answers already.
 */
export class ChangesController implements ReactiveController {
  private channel?: BroadcastChannel;

  constructor(
    private readonly host: AppHost & { readonly workerName: string | undefined },
    private readonly refresh: (kind: StoredChange['kind']) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANGES_CHANNEL);
    this.channel.onmessage = ({ data }: MessageEvent<StoredChange>) => {
      if (data.from !== this.host.workerName) this.refresh(data.kind);
    };
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
