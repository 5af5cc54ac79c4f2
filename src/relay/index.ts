export { EventRelay, RELAY_CHECKPOINT, RELAY_FAILURES_COLLECTION, type RelayOptions, type RelayStatus } from './relay';
export { RELAY_HEADERS, toBusMessage, toIntegrationEvent, type OutgoingEvent } from './mapping';
