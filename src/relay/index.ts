export { EventRelay, RELAY_CHECKPOINT, RELAY_FAILURES_COLLECTION, type RelayOptions, type RelayStatus } from './relay';
export { INTERNAL_EVENT_TYPES, RELAY_HEADERS, toBusMessage, toIntegrationEvent, type OutgoingEvent } from './mapping';
export { relayTopics } from './topics';
