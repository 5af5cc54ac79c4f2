export { PersistentReadStore, SNAPSHOT_FILE, DURABLE_CHECKPOINTS_FILE, type PersistentReadStoreOptions, type RestoreOutcome, type CheckpointCap, type InnerReadStore } from './persistent-read-store';
