package dev.carrier.session;

import dev.carrier.auth.LoginLimits;
import java.time.Duration;

/**
 * The engine's settings, as the sysop gave them (flags, environment, carrier.properties).
 *
 * @param bbsName           shown in the banner
 * @param maxNodes          connections at once, over every transport
 * @param maxLineLength     longest line a user may type; the rest is cut with a message
 * @param maxLoginFailures  failed logins in a row before the caller is hung up on
 * @param loginFailureDelay the pause after the first failed login; it doubles with each failure
 * @param loginTimeout      silence at the login prompt before the caller is hung up on (0: never)
 * @param idleLogoff        silence after login before the user is logged off (0: never)
 * @param idleWarning       how long before the idle logoff the user is warned
 * @param sysopsIdleExempt  whether sysops stay however long they are idle
 * @param loginLimits       how much password guessing every transport's logins let through
 */
public record EngineConfig(
        String bbsName, int maxNodes, int maxLineLength, int maxLoginFailures, Duration loginFailureDelay,
        Duration loginTimeout, Duration idleLogoff, Duration idleWarning, boolean sysopsIdleExempt,
        LoginLimits loginLimits) {

    public static EngineConfig defaults() {
        return new EngineConfig("Carrier BBS", 256, 1024, 3, Duration.ofSeconds(1),
                Duration.ofMinutes(2), Duration.ofMinutes(60), Duration.ofMinutes(1), false, LoginLimits.defaults());
    }

    public EngineConfig withMaxNodes(int nodes) {
        return new EngineConfig(bbsName, nodes, maxLineLength, maxLoginFailures, loginFailureDelay,
                loginTimeout, idleLogoff, idleWarning, sysopsIdleExempt, loginLimits);
    }

    public EngineConfig withLoginFailureDelay(Duration delay) {
        return new EngineConfig(bbsName, maxNodes, maxLineLength, maxLoginFailures, delay,
                loginTimeout, idleLogoff, idleWarning, sysopsIdleExempt, loginLimits);
    }

    public EngineConfig withBbsName(String name) {
        return new EngineConfig(name, maxNodes, maxLineLength, maxLoginFailures, loginFailureDelay,
                loginTimeout, idleLogoff, idleWarning, sysopsIdleExempt, loginLimits);
    }

    public EngineConfig withIdleLimits(Duration login, Duration afterLogin, boolean sysopsExempt) {
        return new EngineConfig(bbsName, maxNodes, maxLineLength, maxLoginFailures, loginFailureDelay,
                login, afterLogin, idleWarning, sysopsExempt, loginLimits);
    }

    public EngineConfig withLoginLimits(LoginLimits limits) {
        return new EngineConfig(bbsName, maxNodes, maxLineLength, maxLoginFailures, loginFailureDelay,
                loginTimeout, idleLogoff, idleWarning, sysopsIdleExempt, limits);
    }
}
