/**
 * A decider is the pure heart of an aggregate: `decide` turns a command and the current state
 * into new events (or throws a DomainError), `evolve` folds an event into the state.
 */
export interface Decider<Command, Event, State> {
  initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

export const fold = <E, S>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, events: E[]): S =>
  events.reduce(decider.evolve, decider.initialState);

/** Compile-time exhaustiveness for `switch (command.type)`. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
