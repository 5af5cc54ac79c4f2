/** Inversify tokens: one per port or service wired in container.ts. */
export const TOKENS = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  EventStore: Symbol.for('EventStore'),
  ReadStore: Symbol.for('ReadStore'),
  Bus: Symbol.for('Bus'),
  TokenService: Symbol.for('TokenService'),
  AuthService: Symbol.for('AuthService'),
  ProfileCommands: Symbol.for('ProfileCommands'),
  ProfileQueries: Symbol.for('ProfileQueries'),
  ProjectionRunners: Symbol.for('ProjectionRunners'),
  ProjectionWaiter: Symbol.for('ProjectionWaiter'),
  Relay: Symbol.for('Relay'),
  Routes: Symbol.for('Routes'),
  JwtSecret: Symbol.for('JwtSecret'),
} as const;
