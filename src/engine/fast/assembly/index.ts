// Entry point of the fast-training kernels. All arguments named like buffers are byte addresses
// into the module's own memory; the host (../layout.ts) lays the buffers out above heapBase().
export { packConvWeights, convForward } from './conv-forward';
export { maxPoolForward, poolBackward } from './pool';
export { convPoolBackpropFilter, convPoolBackpropInput, convBackpropFilter } from './conv-backward';
export { denseForward, denseBackwardAdam } from './dense';
export { headForward, softmaxCrossEntropy, headBackward } from './head';
export { setAdamStep, adam } from './adam';
export { reluBackward, columnSums, heapBase } from './elementwise';
