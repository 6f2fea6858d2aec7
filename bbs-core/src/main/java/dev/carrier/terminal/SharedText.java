package dev.carrier.terminal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text written to many terminals alike (a public chat line): encoded once per output form, and
 * the same bytes handed to every recipient of that form. Safe to share across threads.
 */
public final class SharedText {

    private final String text;
    private final ConcurrentHashMap<OutputForm, byte[]> encoded = new ConcurrentHashMap<>(2);

    public SharedText(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    public String text() {
        return text;
    }

    /** The bytes of this text in the given form; callers must not modify the returned array. */
    public byte[] bytes(OutputForm form) {
        return encoded.computeIfAbsent(form, f -> f.encode(text));
    }

    @Override
    public String toString() {
        return text;
    }
}
