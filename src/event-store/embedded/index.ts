export { EmbeddedEventStore, EventStoreClosedError, openEmbeddedEventStore } from './embedded-event-store';
export { EventLogInconsistentError } from './event-index';
export { EventLogCorruptError } from './record-reader';
export { EventStoreLockedError } from './lock-file';
export { LOG_FILE_NAME, type Recovery } from './log-file';
export { INDEX_FILE_NAME } from './index-file';
