// Entry of one helper thread of the fast kernels in the browser: a dedicated worker started by the
// training worker (fast-kernels.ts), told everything it needs in its first message.

import { startHelper } from '../fast/helper';
import type { HelperInit } from '../fast/team';

self.onmessage = ({ data }: MessageEvent<HelperInit>) => void startHelper(data, () => self.postMessage('ready'));
