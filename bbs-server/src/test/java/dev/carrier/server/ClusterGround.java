package dev.carrier.server;

import dev.carrier.bus.TestNats;
import dev.carrier.store.TestDatabases;
import dev.carrier.store.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a cluster test stands on: a folder of its own, a NATS of its own ({@link TestNats}) and a
 * PostgreSQL schema ({@link TestDatabases}), all given back after the test. Register as an
 * instance field ({@code @RegisterExtension final ClusterGround ground = new ClusterGround();}).
 */
final class ClusterGround implements BeforeEachCallback, AfterEachCallback {

    final TestNats nats = new TestNats();
    final TestDatabases databases = new TestDatabases();
    private Path root;

    /** The test's folder: each server's data folder goes in it. */
    Path root() {
        return root;
    }

    /** {@code count} servers on this ground's NATS and schema (see {@link ServerCluster#start}). */
    ServerCluster start(int count, String... options) throws IOException, InterruptedException {
        return ServerCluster.start(count, root, nats, databases, options);
    }

    /** The URL of the schema every server of this ground shares. */
    String database() {
        return ServerCluster.database(root, databases);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("carrier-cluster");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        nats.afterEach(context);
        databases.afterEach(context);
        TestFolders.delete(root);
    }
}
