package dev.carrier.admin;

/**
 * How the admin endpoint listens: always on the loopback address, never on others.
 *
 * @param port 0 for any free port (the default: the carrier command finds it in admin.json)
 */
public record AdminConfig(int port) {

    public static final AdminConfig DEFAULT = new AdminConfig(0);

    public AdminConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("admin port must be 0 to 65535, was " + port);
    }
}
