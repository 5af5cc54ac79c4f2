import { z } from 'zod';
import { ClaimEventSchemas } from '../../../contracts/shared/claims';

type ClaimEventType = z.infer<(typeof ClaimEventSchemas)[number]>['type'];

/**
 * Domain events that never leave the service: the claim events only make uniqueness rules
 * (one account per e-mail address, one profile per user) atomic inside the store, and their
 * stream ids derive from personal data.
 */
export const INTERNAL_EVENTS: { [K in ClaimEventType]: null } = {
  ClaimTaken: null,
  ClaimReleased: null,
};
