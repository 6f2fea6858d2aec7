package dev.carrier.terminal;

/**
 * One way of turning text into wire bytes (a charset plus a transport's line ending and
 * escaping). Transports keep one instance per form, so it can key the cache of {@link SharedText}.
 */
@FunctionalInterface
public interface OutputForm {
    byte[] encode(String text);
}
