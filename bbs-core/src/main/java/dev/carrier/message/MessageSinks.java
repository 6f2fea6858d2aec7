package dev.carrier.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every open message sink, by user. One lock over one small map. */
public final class MessageSinks {

    private final Map<String, List<MessageSink>> byUser = new HashMap<>();
    private final Map<String, String> handles = new HashMap<>();

    public synchronized void open(String handle, MessageSink sink) {
        byUser.computeIfAbsent(key(handle), k -> new ArrayList<>(2)).add(sink);
        handles.put(key(handle), handle);
    }

    public synchronized void close(String handle, MessageSink sink) {
        List<MessageSink> sinks = byUser.get(key(handle));
        if (sinks == null) return;
        sinks.remove(sink);
        if (sinks.isEmpty()) {
            byUser.remove(key(handle));
            handles.remove(key(handle));
        }
    }

    public synchronized List<MessageSink> of(String handle) {
        List<MessageSink> sinks = byUser.get(key(handle));
        return sinks == null ? List.of() : List.copyOf(sinks);
    }

    /** The handle as the user spelled it, if they have an sink open. */
    public synchronized java.util.Optional<String> onlineHandle(String handle) {
        return java.util.Optional.ofNullable(handles.get(key(handle)));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
