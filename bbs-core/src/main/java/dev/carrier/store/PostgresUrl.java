package dev.carrier.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL database is, as a sysop writes it for {@code --database}: the libpq form
 * {@code postgresql://HOST[:PORT]/DB[?user=U&password=P&...]}, also with {@code user:password@HOST}
 * or the {@code postgres://} scheme. The driver takes only its own {@code jdbc:postgresql://} form,
 * with user and password as parameters, so this turns one into the other.
 *
 * @param jdbcUrl what the driver connects to
 * @param shown   the same without the password, for messages and logs
 */
public record PostgresUrl(String jdbcUrl, String shown) {

    public static final int DEFAULT_PORT = 5432;

    public PostgresUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(shown, "shown");
    }

    /** Whether {@code text} names a PostgreSQL database rather than something else. */
    public static boolean looksLikeOne(String text) {
        return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://")
                || text.startsWith("jdbc:postgresql://"));
    }

    /** A {@code --database} value: empty when none was given (the SQLite file then), else {@link #parse}d. */
    public static Optional<PostgresUrl> option(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text.strip()));
    }

    /**
     * @throws IllegalArgumentException saying what a usable value looks like, when {@code text} is not one
     */
    public static PostgresUrl parse(String text) {
        if (!looksLikeOne(text)) {
            throw new IllegalArgumentException("--database takes postgresql://HOST:PORT/DB?user=NAME, was "
                    + (text == null ? "nothing" : "'" + text + "'"));
        }
        URI uri;
        try {
            uri = new URI(text.startsWith("jdbc:") ? text.substring("jdbc:".length()) : text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--database is not a URL (" + e.getReason()
                    + "); it takes postgresql://HOST:PORT/DB?user=NAME", e);
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("--database needs a host and a database name, as in"
                    + " postgresql://127.0.0.1:5432/carrier?user=carrier");
        }
        String where = host + ":" + (uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort()) + path;
        StringBuilder query = new StringBuilder();
        String shownUser = null;
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            shownUser = decode(userInfo[0]);
            append(query, "user", userInfo[0]);
            if (userInfo.length == 2) append(query, "password", userInfo[1]);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("user")) shownUser = decode(kv.length == 2 ? kv[1] : "");
                query.append(query.length() == 0 ? '?' : '&').append(pair);
            }
        }
        return new PostgresUrl("jdbc:postgresql://" + where + query,
                "postgresql://" + where + (shownUser == null ? "" : " as " + shownUser));
    }

    private static void append(StringBuilder query, String name, String rawValue) {
        query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(rawValue);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** A copy that works in {@code schema} (which must exist): how tests keep to their own tables. */
    public PostgresUrl inSchema(String schema) {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return new PostgresUrl(jdbcUrl + separator + "currentSchema=" + schema, shown + " (schema " + schema + ")");
    }

    @Override
    public String toString() {
        return shown;
    }
}
