package dev.carrier.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every open inbox, by user. One lock over one small map. */
public final class Inboxes {

    private final Map<String, List<Inbox>> byUser = new HashMap<>();
    private final Map<String, String> handles = new HashMap<>();

    public synchronized void open(String handle, Inbox inbox) {
        byUser.computeIfAbsent(key(handle), k -> new ArrayList<>(2)).add(inbox);
        handles.put(key(handle), handle);
    }

    public synchronized void close(String handle, Inbox inbox) {
        List<Inbox> inboxes = byUser.get(key(handle));
        if (inboxes == null) return;
        inboxes.remove(inbox);
        if (inboxes.isEmpty()) {
            byUser.remove(key(handle));
            handles.remove(key(handle));
        }
    }

    public synchronized List<Inbox> of(String handle) {
        List<Inbox> inboxes = byUser.get(key(handle));
        return inboxes == null ? List.of() : List.copyOf(inboxes);
    }

    /** The handle as the user spelled it, if they have an inbox open. */
    public synchronized java.util.Optional<String> onlineHandle(String handle) {
        return java.util.Optional.ofNullable(handles.get(key(handle)));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
