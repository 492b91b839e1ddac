import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Files dragged onto a component: accepts drags that carry files (with a copy cursor), says
 * whether one is over it (for the drop zone's highlight), and hands over what is dropped. The
 * handler runs during the drop event, while the browser still lets folder entries be read.
 */
export class FileDropController implements ReactiveController {
  dragging = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onDrop: (data: DataTransfer) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.over);
    this.host.addEventListener('dragleave', this.leave);
    this.host.addEventListener('drop', this.drop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.over);
    this.host.removeEventListener('dragleave', this.leave);
    this.host.removeEventListener('drop', this.drop);
  }

  private readonly over = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.set(true);
  };

  private readonly leave = () => this.set(false);

  private readonly drop = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.set(false);
    this.onDrop(event.dataTransfer);
  };

  private set(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
