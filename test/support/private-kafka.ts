import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A single-node KRaft broker owned by one test file, for tests that kill and restart it
 * (the shared broker of `npm run infra:up` must stay up). It runs from the jars infra:up
 * installed, on free loopback ports, with its own temp data dir.
 */
export interface PrivateKafka {
  brokers: string;
  /** SIGTERM (controlled shutdown) and wait for the exit; SIGKILL after 30 s. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: a crash, no controlled shutdown. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and data dir; resolves once it answers. */
  restart(): Promise<void>;
  /** Kills it if running and removes its data dir; for afterAll. */
  dispose(): Promise<void>;
}

const HOST = '127.0.0.1';
const INFRA_DIR = resolve(__dirname, '../../scripts/infra');
const READY_TIMEOUT_MS = 60_000;
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const JVM_FLAGS = ['-Xms64m', '-Xmx384m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true'];

/** Where infra:up installed Kafka: `<infra home>/kafka-<sha256 of its pom, 12 chars>` (lib.sh, up.sh). */
export function kafkaInstallDir(): string | undefined {
  const home = process.env.JOBWISE_INFRA_HOME || join(homedir(), '.cache', 'jobwise-infra');
  const hash = createHash('sha256').update(readFileSync(join(INFRA_DIR, 'kafka', 'pom.xml'))).digest('hex').slice(0, 12);
  const dir = join(home, `kafka-${hash}`);
  return existsSync(join(dir, '.complete')) ? dir : undefined;
}

/** Brokers still running when the test process exits are killed and their dirs removed. */
const leftovers = new Map<string, () => void>();
process.once('exit', () => leftovers.forEach((cleanUp) => cleanUp()));

export async function startPrivateKafka(): Promise<PrivateKafka> {
  const install = kafkaInstallDir();
  if (!install) throw new Error('no Kafka install found; run `npm run infra:up` once (it installs the jars)');
  const [port, controller_port] = await freePorts(2);
  const dir = await mkdtemp(join(tmpdir(), 'jobwise-private-kafka-'));
  const brokers = `${HOST}:${port}`;
  const log_file = join(dir, 'broker.log');
  const properties = join(dir, 'server.properties');
  const java_args = [...JVM_FLAGS, `-Dlog4j.configuration=file:${join(INFRA_DIR, 'kafka', 'log4j.properties')}`, '-cp', join(install, 'libs', '*')];
  let broker: Running | undefined;

  const launch = async () => {
    broker = run([`-Djobwise.private-kafka=${dir}`, ...java_args, 'kafka.Kafka', properties], log_file);
    await waitUntilAnswers(brokers, broker, log_file);
  };
  const signal = async (name: NodeJS.Signals) => {
    const running = broker;
    broker = undefined;
    if (!running?.alive()) return;
    running.child.kill(name);
    const timeout = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
    await running.exited;
    clearTimeout(timeout);
  };
  leftovers.set(dir, () => {
    broker?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  try {
    await writeFile(properties, serverProperties(port, controller_port, join(dir, 'logs')));
    await runToEnd([...java_args, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', properties], log_file);
    await launch();
  } catch (error) {
    await signal('SIGKILL');
    leftovers.delete(dir);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    brokers,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    restart: async () => {
      if (broker?.alive()) throw new Error('the private broker is still running; stop or kill it first');
      await launch();
    },
    dispose: async () => {
      await signal('SIGKILL');
      leftovers.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * infra:up's settings, plus a short broker session: after a SIGKILL the restarted broker waits
 * that long for the controller to let go of its previous incarnation (9 s by default).
 */
function serverProperties(port: number, controller_port: number, log_dir: string): string {
  return `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${controller_port}
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controller_port}
advertised.listeners=PLAINTEXT://${HOST}:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${log_dir}
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.cleaner.dedupe.buffer.size=8388608
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=3000
`;
}

/** 16 random bytes, URL-safe base64; one starting with '-' would read as an option. */
function clusterId(): string {
  const id = randomBytes(16).toString('base64url');
  return id.startsWith('-') ? clusterId() : id;
}

/** Ports the OS hands out for port 0, all held open at once so they differ. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => new Promise<void>((done) => server.listen(0, HOST, done))));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  alive(): boolean;
}

function run(args: string[], log_file: string): Running {
  const log = openSync(log_file, 'a');
  const child = spawn(JAVA, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  let alive = true;
  const exited = new Promise<void>((done) => {
    const gone = () => {
      alive = false;
      done();
    };
    child.once('exit', gone);
    child.once('error', gone);
  });
  return { child, exited, alive: () => alive };
}

async function runToEnd(args: string[], log_file: string): Promise<void> {
  const { child, exited } = run(args, log_file);
  await exited;
  if (child.exitCode !== 0) throw new Error(`${args.slice(-4).join(' ')} failed (exit ${child.exitCode}):\n${await tail(log_file)}`);
}

/** Polls until an admin client gets answers to describeCluster and listTopics. */
async function waitUntilAnswers(brokers: string, broker: Running, log_file: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'jobwise-private-kafka-probe', brokers: [brokers], logLevel: logLevel.NOTHING, connectionTimeout: 1_000, retry: { retries: 0 } });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last_error: unknown;
  while (Date.now() < deadline) {
    if (!broker.alive()) throw new Error(`the private broker exited while starting:\n${await tail(log_file)}`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      await admin.listTopics();
      return;
    } catch (error) {
      last_error = error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the private broker did not answer within ${READY_TIMEOUT_MS} ms (${String(last_error)}):\n${await tail(log_file)}`);
}

async function tail(log_file: string, lines = 30): Promise<string> {
  const text = await readFile(log_file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}
