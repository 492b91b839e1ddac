import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './camera-capture.styles';

type Facing = 'environment' | 'user';

/** A still good enough to find a drawing in, small enough to send at once. */
const JPEG_QUALITY = 0.9;

/**
 * The device's camera, for a drawing on paper: a live preview, a capture button, and the other
 * camera where there are two. The stream runs only while the camera is open.
 *
 * @fires sc-photo - A captured still, as a JPEG the worker cleans before it classifies or stores it.
 */
export class CameraCapture extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** What the capture is for, said on its button. */
  @property() action = '';

  @state() private open = false;
  @state() private facing: Facing = 'environment';
  @state() private cameras = 0;
  @state() private failure = '';
  @query('video') private video?: HTMLVideoElement;
  private stream?: MediaStream;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  override render() {
    return html`
      ${
        this.open
          ? html`
            <video autoplay playsinline muted aria-label=${t('camera.preview')}></video>
            <div class="row">
              <button type="button" class="primary" @click=${this.capture}>${this.action || t('camera.capture')}</button>
              ${
                this.cameras > 1
                  ? html`<button type="button" @click=${this.switchCamera}>${t('camera.switch')}</button>`
                  : ''
              }
              <button type="button" @click=${this.close}>${t('camera.close')}</button>
            </div>
          `
          : html`<button type="button" ?disabled=${!navigator.mediaDevices?.getUserMedia}
            @click=${() => this.start()}>${t('camera.open')}</button>`
      }
      ${this.failure ? html`<p role="alert" class="note">${this.failure}</p>` : ''}
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && this.open && this.video && this.stream) this.video.srcObject = this.stream;
  }

  private async start(facing: Facing = this.facing): Promise<void> {
    this.stop();
    this.failure = '';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: facing }, audio: false });
      const devices = await navigator.mediaDevices.enumerateDevices();
      this.cameras = devices.filter((d) => d.kind === 'videoinput').length;
      this.facing = facing;
      this.open = true;
    } catch (error) {
      this.failure = t((error as DOMException).name === 'NotAllowedError' ? 'camera.denied' : 'camera.none');
    }
  }

  private switchCamera(): void {
    void this.start(this.facing === 'environment' ? 'user' : 'environment');
  }

  private async capture(): Promise<void> {
    const video = this.video;
    if (!video?.videoWidth) return;
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    emit(this, 'sc-photo', {
      kind: 'encoded',
      name: `photo-${stamp}.jpg`,
      bytes: await blob.arrayBuffer(),
      photo: true,
    });
  }

  private stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }

  private close(): void {
    this.stop();
    this.open = false;
  }
}
