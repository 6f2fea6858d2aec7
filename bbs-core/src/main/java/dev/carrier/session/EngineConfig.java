package dev.carrier.session;

import dev.carrier.auth.LoginLimits;
import java.time.Duration;
import java.util.Objects;

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

    public static final String DEFAULT_BBS_NAME = "Carrier BBS";
    public static final int DEFAULT_MAX_NODES = 256;
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024;
    public static final int DEFAULT_MAX_LOGIN_FAILURES = 3;
    public static final Duration DEFAULT_LOGIN_FAILURE_DELAY = Duration.ofSeconds(1);
    /** In minutes, so that the command line can show it as text ({@code 2m}). */
    public static final int DEFAULT_LOGIN_TIMEOUT_MINUTES = 2;
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofMinutes(DEFAULT_LOGIN_TIMEOUT_MINUTES);
    public static final int DEFAULT_IDLE_LOGOFF_MINUTES = 60;
    public static final Duration DEFAULT_IDLE_LOGOFF = Duration.ofMinutes(DEFAULT_IDLE_LOGOFF_MINUTES);
    public static final Duration DEFAULT_IDLE_WARNING = Duration.ofMinutes(1);
    public static final boolean DEFAULT_SYSOPS_IDLE_EXEMPT = false;

    public EngineConfig {
        Objects.requireNonNull(bbsName, "bbsName");
        Objects.requireNonNull(loginLimits, "loginLimits");
        if (maxNodes < 1) {
            throw new IllegalArgumentException("the node count (--max-nodes) must be at least 1, was " + maxNodes);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("the longest input line must be at least 1 character, was " + maxLineLength);
        }
        if (maxLoginFailures < 1) {
            throw new IllegalArgumentException("login failures before hanging up must be at least 1, was "
                    + maxLoginFailures);
        }
        notNegative(loginFailureDelay, "the delay after a failed login");
        notNegative(loginTimeout, "the login timeout (--login-timeout)");
        notNegative(idleLogoff, "the idle logoff (--idle-logoff)");
        notNegative(idleWarning, "the idle warning");
    }

    private static void notNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be 0 or more, such as 2m; was " + duration);
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_BBS_NAME, DEFAULT_MAX_NODES, DEFAULT_MAX_LINE_LENGTH,
                DEFAULT_MAX_LOGIN_FAILURES, DEFAULT_LOGIN_FAILURE_DELAY, DEFAULT_LOGIN_TIMEOUT, DEFAULT_IDLE_LOGOFF,
                DEFAULT_IDLE_WARNING, DEFAULT_SYSOPS_IDLE_EXEMPT, LoginLimits.defaults());
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
