export { createInProcessBus, InProcessBus, type InProcessBusConfig } from './in-process-bus';
