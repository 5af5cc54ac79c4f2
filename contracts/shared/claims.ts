import { z } from 'zod';
import { defineEvent } from './envelope';
import { Uuid } from './primitives';

/**
 * A claim stream makes a uniqueness rule atomic in an event store: whoever appends
 * `ClaimTaken` at the expected revision owns the value. Used for e-mail addresses
 * (`useremail-<uuid derived from the lower-cased address>`) and for one profile per user
 * (`userprofile-<user id>`).
 */
export const ClaimTaken = defineEvent('ClaimTaken', z.object({ owner_id: Uuid }));
export const ClaimReleased = defineEvent('ClaimReleased', z.object({ owner_id: Uuid }));
export const ClaimEventSchemas = [ClaimTaken, ClaimReleased] as const;
