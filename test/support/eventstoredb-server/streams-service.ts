import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type {
  handleBidiStreamingCall,
  handleClientStreamingCall,
  handleServerStreamingCall,
  handleUnaryCall,
  ServerErrorResponse,
  ServerReadableStream,
  ServerWritableStream,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import { formatUuid, invalidArgument, parseUuid, rpcError, streamIdentifier, streamName, uint64 } from './protocol';
import { AppendOutcome, EventLog, ExpectedRevision, ProposedEvent, StoredEvent } from './store';

/** EventStoreDB's default `MaxAppendSize` (1 MiB). */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;
/** What the server reads per page when a filter sets no `max` search window (its `ReadBatchSize`). */
const DEFAULT_SEARCH_WINDOW = 32;
const JSON_CONTENT_TYPE = 'application/json';
const BINARY_CONTENT_TYPE = 'application/octet-stream';

type Options = ReadReq.Options;
const { StreamOptionCase, CountOptionCase, FilterOptionCase, ReadDirection } = ReadReq.Options;

export interface StreamsServiceOptions {
  max_append_size?: number;
  /** false: never send `caughtUp`, as servers before 23.10 did not (default true). */
  caught_up?: boolean;
}

/**
 * `event_store.client.streams.Streams`: Append and Read (stream and `$all` reads both ways,
 * `$all` catch-up subscriptions with or without a filter). Delete, Tombstone and BatchAppend
 * answer UNIMPLEMENTED; the client never needs BatchAppend because the server does not
 * advertise it (ServerFeatures is not implemented either, see the ADR).
 */
export function streamsService(log: EventLog, options: StreamsServiceOptions = {}): UntypedServiceImplementation {
  const maxAppendSize = options.max_append_size ?? DEFAULT_MAX_APPEND_SIZE;

  const append: handleClientStreamingCall<AppendReq, AppendResp> = (call, callback) => {
    receiveAppend(call, maxAppendSize).then(
      async (request) => {
        if (!request) return;
        const outcome = await log.append(request.stream, request.expected, request.events);
        callback(null, appendResponse(outcome, request.expected));
      },
      (error: ServerErrorResponse) => callback(error),
    ).catch((error: unknown) => callback(rpcError(status.UNKNOWN, `Append failed: ${(error as Error).message}`)));
  };

  const read: handleServerStreamingCall<ReadReq, ReadResp> = (call) => {
    serveRead(log, call, options).then(() => {
      if (!call.cancelled && !call.writableEnded) call.end();
    }, (error: unknown) => {
      if (call.cancelled) return;
      const isRpcError = typeof (error as ServerErrorResponse).code === 'number';
      call.emit('error', isRpcError ? error : rpcError(status.UNKNOWN, (error as Error).message));
    });
  };

  const unimplemented = (what: string) => rpcError(status.UNIMPLEMENTED, `${what} is not implemented by the JobWise EventStoreDB test server`);
  const deleteStream: handleUnaryCall<DeleteReq, DeleteResp> = (_call, callback) => callback(unimplemented('Streams.Delete'));
  const tombstone: handleUnaryCall<TombstoneReq, TombstoneResp> = (_call, callback) => callback(unimplemented('Streams.Tombstone'));
  const batchAppend: handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> = (call) => call.emit('error', unimplemented('Streams.BatchAppend'));

  return { read, append, delete: deleteStream, tombstone, batchAppend } as UntypedServiceImplementation;
}

interface AppendRequest {
  stream: string;
  expected: ExpectedRevision;
  events: ProposedEvent[];
}

/** Reads the options message and the proposed events; rejects as EventStoreDB does (required metadata, size). */
function receiveAppend(call: ServerReadableStream<AppendReq, AppendResp>, maxAppendSize: number): Promise<AppendRequest | null> {
  return new Promise((resolve, reject) => {
    let request: AppendRequest | null = null;
    let size = 0;
    let failed = false;
    const fail = (error: ServerErrorResponse) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    call.on('data', (message: AppendReq) => {
      if (failed) return;
      try {
        if (!request) {
          if (!message.hasOptions()) throw invalidArgument('The first append message must carry the options');
          const options = message.getOptions()!;
          request = { stream: streamName(options.getStreamIdentifier()), expected: expectedRevision(options), events: [] };
          return;
        }
        if (!message.hasProposedMessage()) throw invalidArgument('Only the first append message may carry options');
        const proposed = message.getProposedMessage()!;
        const metadata = proposed.getMetadataMap();
        const type = metadata.get('type');
        const contentType = metadata.get('content-type');
        for (const [key, value] of [['type', type], ['content-type', contentType]] as const) {
          if (value === undefined) {
            throw rpcError(status.INVALID_ARGUMENT, `Required Metadata Property '${key}' is missing`, {
              exception: 'missing-required-metadata-property',
              'required-metadata-properties': 'type,content-type',
            });
          }
        }
        const data = Buffer.from(proposed.getData_asU8());
        const custom_metadata = Buffer.from(proposed.getCustomMetadata_asU8());
        size += Buffer.byteLength(type!) + data.length + custom_metadata.length;
        if (size > maxAppendSize) {
          throw rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
            exception: 'maximum-append-size-exceeded',
            'maximum-append-size': String(maxAppendSize),
          });
        }
        request.events.push({ id: parseUuid(proposed.getId()), type: type!, is_json: contentType === JSON_CONTENT_TYPE, data, custom_metadata });
      } catch (error) {
        fail(error as ServerErrorResponse);
      }
    });
    call.on('end', () => {
      if (failed) return;
      if (!request) fail(invalidArgument('An append needs its options message'));
      else resolve(request);
    });
    const gone = () => {
      // The client went away (cancelled or disconnected): nothing to answer.
      if (!failed) resolve(null);
      failed = true;
    };
    call.on('error', gone);
    call.on('cancelled', gone);
  });
}

function expectedRevision(options: AppendReq.Options): ExpectedRevision {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.ANY:
      return { kind: 'any' };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.REVISION:
      return { kind: 'revision', revision: uint64(options.getRevision(), 'revision') };
    default:
      throw invalidArgument('An expected stream revision is required');
  }
}

/** Success, or the wrong-expected-version answer with both the current and the 20.6.0 fields set. */
function appendResponse(outcome: AppendOutcome, expected: ExpectedRevision): AppendResp {
  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.revision < 0) success.setNoStream(new Empty());
    else success.setCurrentRevision(String(outcome.revision));
    if (outcome.position === null) success.setNoPosition(new Empty());
    else success.setPosition(new AppendResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position)));
    return response.setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'no_stream':
      // The server puts ulong.MaxValue into the old field; it does not fit a JS number, so it is left out here.
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(String(expected.revision)).setExpectedRevision2060(expected.revision);
      break;
  }
  if (outcome.current < 0) wrong.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else wrong.setCurrentRevision(String(outcome.current)).setCurrentRevision2060(outcome.current);
  return response.setWrongExpectedVersion(wrong);
}

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type EventFilter = (event: StoredEvent) => boolean;

async function serveRead(log: EventLog, call: ReadCall, service: StreamsServiceOptions): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw invalidArgument('Read options are required');
  if (!options.hasUuidOption()) throw invalidArgument('uuidOption is required');
  const structured = options.getUuidOption()!.getContentCase() === ReadReq.Options.UUIDOption.ContentCase.STRUCTURED;
  const send = (response: ReadResp) => write(call, response);
  const sendEvent = (event: StoredEvent) => send(readEvent(event, structured));

  const streamCase = options.getStreamOptionCase();
  const countCase = options.getCountOptionCase();
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const filtered = options.getFilterOptionCase() === FilterOptionCase.FILTER;
  const combination = `(${caseName(StreamOptionCase, streamCase)}, ${caseName(CountOptionCase, countCase)}, ${backwards ? 'Backwards' : 'Forwards'}, ${caseName(FilterOptionCase, options.getFilterOptionCase())})`;
  const invalidCombination = () => invalidArgument(`The combination of ${combination} is invalid.`);

  if (streamCase === StreamOptionCase.STREAM && countCase === CountOptionCase.COUNT && !filtered) {
    return readStream(log, options, backwards, send, sendEvent);
  }
  if (streamCase === StreamOptionCase.ALL && countCase === CountOptionCase.COUNT) {
    return readAll(log, options, backwards, filtered ? eventFilter(options) : () => true, sendEvent);
  }
  if (streamCase === StreamOptionCase.ALL && countCase === CountOptionCase.SUBSCRIPTION && !backwards) {
    return subscribeToAll(log, call, options, send, sendEvent, service.caught_up ?? true);
  }
  if (streamCase === StreamOptionCase.STREAM && countCase === CountOptionCase.SUBSCRIPTION && !backwards && !filtered) {
    throw rpcError(status.UNIMPLEMENTED, 'Subscriptions to a single stream are not implemented by the JobWise EventStoreDB test server');
  }
  throw invalidCombination();
}

async function readStream(
  log: EventLog,
  options: Options,
  backwards: boolean,
  send: (response: ReadResp) => Promise<boolean>,
  sendEvent: (event: StoredEvent) => Promise<boolean>,
): Promise<void> {
  const streamOptions = options.getStream()!;
  const name = streamName(streamOptions.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) {
    await send(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))));
    return;
  }
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const revisionCase = streamOptions.getRevisionOptionCase();
  let count = uint64(options.getCount(), 'count');
  if (backwards) {
    const from = revisionCase === Case.REVISION ? Math.min(uint64(streamOptions.getRevision(), 'revision'), events.length - 1) : revisionCase === Case.START ? 0 : events.length - 1;
    for (let revision = from; revision >= 0 && count > 0; revision--, count--) if (!(await sendEvent(events[revision]!))) return;
  } else {
    const from = revisionCase === Case.REVISION ? uint64(streamOptions.getRevision(), 'revision') : revisionCase === Case.END ? events.length : 0;
    for (let revision = from; revision < events.length && count > 0; revision++, count--) if (!(await sendEvent(events[revision]!))) return;
  }
}

/** Forwards from a position includes the event at it; backwards from a position excludes it (EventStoreDB's AllReader). */
async function readAll(log: EventLog, options: Options, backwards: boolean, filter: EventFilter, sendEvent: (event: StoredEvent) => Promise<boolean>): Promise<void> {
  const all = log.all;
  const end = all.length;
  let count = uint64(options.getCount(), 'count');
  const start = allStart(log, options.getAll()!);
  if (backwards) {
    for (let i = Math.min(start, end) - 1; i >= 0 && count > 0; i--) {
      if (!filter(all[i]!)) continue;
      if (!(await sendEvent(all[i]!))) return;
      count--;
    }
  } else {
    for (let i = start; i < end && count > 0; i++) {
      if (!filter(all[i]!)) continue;
      if (!(await sendEvent(all[i]!))) return;
      count--;
    }
  }
}

/** Index in `log.all` of the first event at or after the read's start: forwards the first one read, backwards one past the first. */
function allStart(log: EventLog, all: ReadReq.Options.AllOptions): number {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  switch (all.getAllOptionCase()) {
    case Case.START:
      return 0;
    case Case.END:
      return log.all.length;
    case Case.POSITION: {
      const position = all.getPosition()!;
      const commit = BigInt(position.getCommitPosition());
      const prepare = BigInt(position.getPreparePosition());
      // Events have commit = prepare, so (p, p) >= (commit, prepare) means p > commit, or p = commit and commit >= prepare.
      return log.indexAtOrAfter(prepare <= commit ? commit : commit + 1n);
    }
    default:
      throw invalidArgument('A $all read needs a start, an end or a position');
  }
}

/**
 * A catch-up subscription to `$all`, as EventStoreDB 23.10+ runs one: a confirmation, the
 * stored events after the start position, `caughtUp` once it reached the end of the log, then
 * every later append as it becomes durable, until the client cancels. A filtered subscription
 * also sends a checkpoint after every `max window × checkpointIntervalMultiplier` events it
 * looked at. It never falls behind: the cursor simply waits for the client to read.
 */
async function subscribeToAll(
  log: EventLog,
  call: ReadCall,
  options: Options,
  send: (response: ReadResp) => Promise<boolean>,
  sendEvent: (event: StoredEvent) => Promise<boolean>,
  sendCaughtUp: boolean,
): Promise<void> {
  const filtered = options.getFilterOptionCase() === FilterOptionCase.FILTER;
  const filter = filtered ? eventFilter(options) : () => true;
  let checkpointInterval = 0;
  if (filtered) {
    const filterOptions = options.getFilter()!;
    const window = filterOptions.getWindowCase() === ReadReq.Options.FilterOptions.WindowCase.MAX ? filterOptions.getMax() : DEFAULT_SEARCH_WINDOW;
    const multiplier = filterOptions.getCheckpointintervalmultiplier();
    if (window <= 0 || multiplier <= 0) throw invalidArgument('The filter window and checkpoint interval multiplier must be positive');
    checkpointInterval = window * multiplier;
  }

  const all = options.getAll()!;
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  let cursor = 0;
  if (all.getAllOptionCase() === Case.END) cursor = log.all.length;
  else if (all.getAllOptionCase() === Case.POSITION) {
    // The server reads one event from the position and starts after it: the position is exclusive.
    const start = allStart(log, all);
    cursor = start < log.all.length ? start + 1 : start;
  } else if (all.getAllOptionCase() !== Case.START) throw invalidArgument('A $all subscription needs a start, an end or a position');

  if (!(await send(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()))))) return;
  let considered = 0;
  let caughtUp = false;
  for (;;) {
    while (cursor < log.all.length) {
      const event = log.all[cursor++]!;
      considered++;
      if (filter(event) && !(await sendEvent(event))) return;
      if (checkpointInterval > 0 && considered % checkpointInterval === 0) {
        const checkpoint = new ReadResp.Checkpoint().setCommitPosition(String(event.position)).setPreparePosition(String(event.position));
        if (!(await send(new ReadResp().setCheckpoint(checkpoint)))) return;
      }
    }
    if (!caughtUp && sendCaughtUp) {
      caughtUp = true;
      if (!(await send(new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
    }
    const next = log.waitBeyond(cursor);
    const cancelled = () => next.cancel();
    call.once('cancelled', cancelled);
    call.once('close', cancelled);
    await next.promise;
    call.off('cancelled', cancelled);
    call.off('close', cancelled);
    if (call.cancelled || call.destroyed || call.writableEnded) return;
    if (log.all.length <= cursor) throw rpcError(status.UNAVAILABLE, 'Server Is Not Ready'); // the log closed: the server is stopping
  }
}

/** EventStoreDB's filters: a non-empty regex wins, else any of the prefixes; on the event type or the stream name. */
function eventFilter(options: Options): EventFilter {
  const filter = options.getFilter()!;
  const FilterCase = ReadReq.Options.FilterOptions.FilterCase;
  const onType = filter.getFilterCase() === FilterCase.EVENT_TYPE;
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) throw invalidArgument('A filter needs an event type or a stream identifier expression');
  const field = (event: StoredEvent) => (onType ? event.type : event.stream);
  const regex = expression.getRegex();
  if (regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(regex);
    } catch {
      throw invalidArgument(`'${regex}' is not a valid regular expression`);
    }
    return (event) => pattern.test(field(event));
  }
  const prefixes = expression.getPrefixList();
  return (event) => prefixes.some((prefix) => field(event).startsWith(prefix));
}

function readEvent(event: StoredEvent, structuredIds: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(formatUuid(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(String(event.position))
    .setPreparePosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.custom_metadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('created', String(event.created));
  metadata.set('content-type', event.is_json ? JSON_CONTENT_TYPE : BINARY_CONTENT_TYPE);
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position)));
}

/** The generated enums are plain objects at run time, without TypeScript's reverse mapping. */
function caseName(cases: object, value: number): string {
  return Object.entries(cases).find(([, v]) => v === value)?.[0] ?? String(value);
}

/** Writes with backpressure; false once the client is gone. */
async function write(call: ReadCall, response: ReadResp): Promise<boolean> {
  if (call.cancelled || call.destroyed || call.writableEnded) return false;
  if (call.write(response)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
  return !(call.cancelled || call.destroyed);
}
