package dev.carrier.session;

import java.time.Duration;

/**
 * The engine's settings, as the sysop gave them (flags, environment, carrier.properties).
 *
 * @param bbsName           shown in the banner
 * @param maxNodes          connections at once, over every transport
 * @param maxLineLength     longest line a user may type; the rest is cut with a message
 * @param maxLoginFailures  failed logins in a row before the caller is hung up on
 * @param loginFailureDelay the pause after the first failed login; it doubles with each failure
 */
public record EngineConfig(
        String bbsName, int maxNodes, int maxLineLength, int maxLoginFailures, Duration loginFailureDelay) {

    public static EngineConfig defaults() {
        return new EngineConfig("Carrier BBS", 256, 1024, 3, Duration.ofSeconds(1));
    }

    public EngineConfig withMaxNodes(int nodes) {
        return new EngineConfig(bbsName, nodes, maxLineLength, maxLoginFailures, loginFailureDelay);
    }

    public EngineConfig withLoginFailureDelay(Duration delay) {
        return new EngineConfig(bbsName, maxNodes, maxLineLength, maxLoginFailures, delay);
    }

    public EngineConfig withBbsName(String name) {
        return new EngineConfig(name, maxNodes, maxLineLength, maxLoginFailures, loginFailureDelay);
    }
}
