export {
  CheckpointedSubscription,
  type Backoff,
  type BatchContext,
  type CheckpointedSubscriptionOptions,
  type SubscriptionState,
  type SubscriptionStatus,
} from './checkpointed-subscription';
export { PositionTracker } from './position-tracker';
export { recordSkippedEvent } from './skipped-events';
