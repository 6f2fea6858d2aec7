package dev.carrier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which server every bench starts, and what else it passes to {@code carrier serve}. */
final class ServerJar {

    @Option(names = "--jar", defaultValue = "bbs-server/target/carrier.jar",
            description = "The server's jar (default: ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--server-arg", description = "An extra argument for carrier serve (repeatable).")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--server-jvm-arg",
            description = "An extra JVM option for the server, such as -XX:StartFlightRecording=... (repeatable).")
    List<String> jvmArgs = new ArrayList<>();
}
