import { transferHandlers, type TransferHandler } from 'comlink';
import { DataError } from '../engine/data/errors';

type Thrown = { value: unknown };
type Serialized = { isError: boolean; value: Record<string, unknown> };

/**
 * Comlink sends a thrown Error as its message, name and stack only. A DataError also carries its
 * problem (code, parameters, file), so that the page can say it in the person's language; Comlink's
 * page side copies every field it receives onto the Error it throws there.
 */
export function sendProblemsWithErrors(): void {
  const base = transferHandlers.get('throw') as TransferHandler<Thrown, Serialized>;
  transferHandlers.set('throw', {
    canHandle: base.canHandle,
    deserialize: base.deserialize,
    serialize(thrown: Thrown) {
      const [serialized, transferables] = base.serialize(thrown);
      if (thrown.value instanceof DataError) serialized.value.problem = thrown.value.problem;
      return [serialized, transferables];
    },
  });
}
