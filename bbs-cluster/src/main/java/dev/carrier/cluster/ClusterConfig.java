package dev.carrier.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether this server is one of several ({@code --cluster nats://...}) and its name among them
 * ({@code --server-name}, shown in who, the logs and the events' welcome).
 *
 * @param nats   the NATS server's URL; empty for a server on its own
 * @param server this server's name: 1-32 of a-z, 0-9 and -, starting with a letter or digit
 */
public record ClusterConfig(Optional<String> nats, String server) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern URL = Pattern.compile("(nats|tls)://[^\\s/]+(,(nats|tls)://[^\\s/]+)*");
    public static final String NAME_RULE = "1-32 of a-z, 0-9 and -, starting with a letter or digit";
    /** A server gone for this long, by its missed heartbeats, is offline everywhere (in seconds, for the option's text). */
    public static final int DEFAULT_PRESENCE_TTL_SECONDS = 30;
    public static final Duration DEFAULT_PRESENCE_TTL = Duration.ofSeconds(DEFAULT_PRESENCE_TTL_SECONDS);

    public ClusterConfig {
        Objects.requireNonNull(nats, "nats");
        Objects.requireNonNull(server, "server");
        if (!NAME.matcher(server).matches()) {
            throw new IllegalArgumentException("--server-name must be " + NAME_RULE + ", was '" + server + "'");
        }
        nats.ifPresent(url -> {
            if (!URL.matcher(url).matches()) {
                throw new IllegalArgumentException("--cluster must be a NATS URL such as nats://127.0.0.1:4222, was '"
                        + url + "'");
            }
        });
    }

    /** A server on its own, named after its host. */
    public static ClusterConfig single() {
        return new ClusterConfig(Optional.empty(), defaultServerName());
    }

    /** From the options: a blank URL is none, a blank name is the host's. */
    public static ClusterConfig of(String nats, String server) {
        return new ClusterConfig(Optional.ofNullable(nats).filter(url -> !url.isBlank()).map(String::strip),
                server == null || server.isBlank() ? defaultServerName() : server.strip());
    }

    public boolean on() {
        return nats.isPresent();
    }

    /** The host's name, its first label in lower case, made into a valid name ("carrier" when there is none). */
    public static String defaultServerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
        }
        String label = host.toLowerCase(Locale.ROOT).split("\\.", 2)[0].replaceAll("[^a-z0-9-]", "-")
                .replaceAll("^-+", "");
        if (label.length() > 32) label = label.substring(0, 32);
        return label.isEmpty() ? "carrier" : label;
    }
}
