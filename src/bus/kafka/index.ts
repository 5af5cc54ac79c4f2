export { createKafkaBus, KafkaBus, type KafkaBusConfig } from './kafka-bus';
export type { KafkaConsumerTuning } from './subscription';
