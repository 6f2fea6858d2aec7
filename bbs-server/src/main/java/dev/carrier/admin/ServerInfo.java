package dev.carrier.admin;

import dev.carrier.admin.AdminViews.ServerView;
import dev.carrier.store.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The running server as the first row of {@code carrier who} shows it.
 *
 * @param name         this server's name among the servers of a cluster
 * @param listeners    what the server listens on, such as {@code telnet 0.0.0.0:2323}; asked each time,
 *                     since ports are known only once bound
 * @param sshHostKeys  the SSH host keys' types and SHA-256 fingerprints ({@code ssh-ed25519 SHA256:...}),
 *                     empty while SSH is off; asked each time, since the keys are loaded after the admin
 *                     endpoint is wired
 */
public record ServerInfo(String name, String version, Instant startedAt, Supplier<List<String>> listeners,
        Supplier<List<String>> sshHostKeys, Clock clock) {

    public ServerView view() {
        long uptime = Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        return new ServerView(version, Timestamps.format(startedAt), uptime, List.copyOf(listeners.get()), name);
    }
}
