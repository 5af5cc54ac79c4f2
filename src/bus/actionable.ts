import type { ZodType } from 'zod';
import { ConsumedMessage, isReplay } from './port';

/**
 * The event a consumer that acts (not one that counts) should act on: none for history an admin
 * re-published (already acted on when it happened), none for a message its schema does not know
 * (it can never be acted on; `onUnknown` may log it).
 */
export function actionable<T>(message: ConsumedMessage, schema: ZodType<T>, onUnknown?: () => void): T | null {
  if (isReplay(message.headers)) return null;
  const parsed = schema.safeParse(message.value);
  if (parsed.success) return parsed.data;
  onUnknown?.();
  return null;
}
