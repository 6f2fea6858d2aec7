package dev.carrier.ssh;

import dev.carrier.netty.OutputLimits;
import java.util.Objects;

/**
 * How the SSH transport listens.
 *
 * @param bindHost the address to listen on; {@code 0.0.0.0} for every interface
 * @param port     the TCP port; 0 picks a free one (see {@link SshTransport#port()})
 * @param output   how long output may stay blocked, and how much may wait, before a caller who
 *                 does not read is hung up on (the same limits as telnet and the web)
 */
public record SshConfig(String bindHost, int port, OutputLimits output) {

    public static final String DEFAULT_BIND_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 2222;

    public SshConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(output, "output");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("ssh bind host must be an address or name, such as 0.0.0.0 or 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ssh port must be 0-65535 (0 picks a free port), was " + port);
        }
    }

    public static SshConfig defaults() {
        return new SshConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, OutputLimits.defaults());
    }

    public SshConfig withBindHost(String newBindHost) {
        return new SshConfig(newBindHost, port, output);
    }

    public SshConfig withPort(int newPort) {
        return new SshConfig(bindHost, newPort, output);
    }

    public SshConfig withOutput(OutputLimits newOutput) {
        return new SshConfig(bindHost, port, newOutput);
    }
}
