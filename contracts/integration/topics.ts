/**
 * Kafka topics of the integration events, one per aggregate. The `.v1` suffix is the topic's
 * contract version: a breaking change to its events goes to a new `.v2` topic, published in
 * parallel until every consumer moved.
 */
export const IntegrationTopics = {
  users: 'jobwise.users.v1',
  profiles: 'jobwise.profiles.v1',
  jobs: 'jobwise.jobs.v1',
  generations: 'jobwise.generations.v1',
  documents: 'jobwise.documents.v1',
  applications: 'jobwise.applications.v1',
} as const;

export type IntegrationTopic = (typeof IntegrationTopics)[keyof typeof IntegrationTopics];

export const ALL_INTEGRATION_TOPICS: readonly IntegrationTopic[] = Object.values(IntegrationTopics);
