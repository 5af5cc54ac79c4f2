import { Decider, fold } from '../../src/shared/decider';
import { DomainError } from '../../src/shared/errors';

/**
 * given(events).when(command).then(events | error) for deciders:
 *   given(profileDecider, [created]).when(addExperience).then([{ type: 'ExperienceAdded', ... }])
 */
export function given<C, E, S>(decider: Decider<C, E, S>, history: E[] = []) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        thenFails(code: string): void {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
        },
        /** For assertions beyond equality; returns the decided events. */
        events: run,
      };
    },
  };
}
