import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * MongoDB-wire test server for JobWise (started by scripts/infra/up.sh).
 *
 * <pre>java -cp 'classes:libs/*' JobwiseMongoServer --host 127.0.0.1 --port 37017 --backend h2 --data DIR</pre>
 *
 * The h2 backend keeps its data in DIR/mongo.mv.db; the memory backend keeps nothing on disk.
 * SIGTERM / SIGINT shut the server down cleanly.
 */
public final class JobwiseMongoServer {

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 37017;
        String backendName = "h2";
        String data = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = require(args[i], value);
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--backend" -> backendName = require(args[i], value);
                case "--data" -> data = require(args[i], value);
                default -> fail("unknown argument: " + args[i]);
            }
            i++;
        }

        MongoBackend backend = switch (backendName) {
            case "memory" -> new MemoryBackend();
            case "h2" -> {
                if (data == null) {
                    fail("--data is required with --backend h2");
                }
                Path dir = Files.createDirectories(Path.of(data));
                yield new H2Backend(dir.resolve("mongo.mv.db").toString());
            }
            default -> throw fail("unknown backend: " + backendName + " (use h2 or memory)");
        };

        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        System.err.println("JobwiseMongoServer listening on " + host + ":" + port + " (backend " + backendName + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) {
            fail(flag + " needs a value");
        }
        return value;
    }

    private static IllegalArgumentException fail(String message) {
        System.err.println("JobwiseMongoServer: " + message);
        System.exit(2);
        return new IllegalArgumentException(message);
    }
}
