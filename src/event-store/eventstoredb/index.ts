export { EventStoreDbEventStore } from './eventstoredb-event-store';
export { decodePosition, encodePosition } from './position';
