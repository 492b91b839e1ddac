// Entry point of the fast-training kernels. All arguments named like buffers are byte addresses
// into the module's memory; the host (../layout.ts) lays the buffers out above heapBase(). Kernels
// that end in (part, parts) compute their share of the work for thread `part` of `parts`.
export { packConvWeights, convForward } from './conv-forward';
export { winogradConvForward } from './conv-winograd';
export { maxPoolForward, poolBackward } from './pool';
export { convPoolBackpropFilter, convPoolBackpropInput, convBackpropFilter } from './conv-backward';
export { denseForward, denseBackwardAdam } from './dense';
export { headForward, softmaxCrossEntropy, headBackward } from './head';
export { setAdamStep, adam } from './adam';
export { columnSums, heapBase } from './elementwise';
