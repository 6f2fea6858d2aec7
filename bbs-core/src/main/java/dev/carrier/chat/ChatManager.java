package dev.carrier.chat;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.terminal.SharedText;
import dev.carrier.text.TextCleaner;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The chat room. Lines go out over the {@link Bus} and come back here to be fanned out to
 * every local viewer's {@link Forwarder}, so all viewers see one order. Membership is per
 * identity: a user's first connection in the room announces the join, their last one the leave.
 *
 * <p>Owns the member counts, the forwarders and the scrollback, all under {@code lock}.
 */
public final class ChatManager {

    private final Bus bus;
    private final Clock clock;
    private final ChatConfig config;
    private final Object lock = new Object();
    private final Map<String, Member> members = new HashMap<>();
    private final List<Forwarder> forwarders = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ChatEvent> scrollback = new ArrayDeque<>();

    private static final class Member {
        final String handle;
        int connections;

        Member(String handle) {
            this.handle = handle;
        }
    }

    /** One connection's place in the room; hand it back to {@link #leave}. */
    public record Membership(String handle, Forwarder forwarder, List<ChatEvent> scrollback) {}

    public ChatManager(Bus bus, Clock clock, ChatConfig config) {
        this.bus = bus;
        this.clock = clock;
        this.config = config;
        bus.subscribe(this::onBus);
    }

    public ChatConfig config() {
        return config;
    }

    /**
     * Enters the room. Returns the lines said before (for the newcomer's screen) and starts
     * live delivery to the viewer. Announces the user only on their first connection.
     */
    public Membership join(String handle, Viewer viewer) {
        boolean first;
        synchronized (lock) {
            Member member = members.computeIfAbsent(key(handle), k -> new Member(handle));
            first = ++member.connections == 1;
        }
        if (first) bus.publish(new ChatEvent.Join(handle, clock.instant()));
        synchronized (lock) {
            Forwarder forwarder = new Forwarder(viewer, config.readerBudget());
            forwarders.add(forwarder);
            return new Membership(handle, forwarder, List.copyOf(scrollback));
        }
    }

    /** Leaves the room; the user's last connection announces the leave. */
    public void leave(Membership membership) {
        boolean last = false;
        synchronized (lock) {
            membership.forwarder().cancel();
            if (!forwarders.remove(membership.forwarder())) return;
            Member member = members.get(key(membership.handle()));
            if (member != null && --member.connections == 0) {
                members.remove(key(membership.handle()));
                last = true;
            }
        }
        if (last) bus.publish(new ChatEvent.Leave(membership.handle(), clock.instant()));
    }

    /** Says a line to the room after cleaning it; returns false if nothing was left to say. */
    public boolean say(String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        bus.publish(new ChatEvent.Public(from, clean, clock.instant()));
        return true;
    }

    public boolean act(String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        bus.publish(new ChatEvent.Action(from, clean, clock.instant()));
        return true;
    }

    /** A line from the system (a chosen status change, a sysop's broadcast). */
    public void announce(String text) {
        bus.publish(new ChatEvent.System(text, clock.instant()));
    }

    /** The handles in the room, once each, by name. */
    public List<String> participants() {
        synchronized (lock) {
            List<String> handles = new ArrayList<>();
            for (Member member : members.values()) handles.add(member.handle);
            handles.sort(Comparator.comparing(h -> h.toLowerCase(Locale.ROOT)));
            return handles;
        }
    }

    public boolean isInRoom(String handle) {
        synchronized (lock) {
            return members.containsKey(key(handle));
        }
    }

    private void onBus(BusMessage message) {
        if (!(message instanceof ChatEvent event)) return;
        Forwarder.Delivery delivery = Forwarder.Delivery.of(event, new SharedText(ChatRenderer.render(event) + "\n"),
                clock.millis());
        Map<Executor, List<Forwarder>> toStart = new IdentityHashMap<>(4);
        synchronized (lock) {
            if (!(event instanceof ChatEvent.Join) && !(event instanceof ChatEvent.Leave)) {
                scrollback.add(event);
                while (scrollback.size() > config.scrollback()) scrollback.poll();
            }
            for (Forwarder forwarder : forwarders) {
                if (forwarder.offer(delivery)) {
                    toStart.computeIfAbsent(forwarder.executor(), e -> new ArrayList<>()).add(forwarder);
                }
            }
        }
        // One task per event loop rather than one per viewer: a line to a thousand people
        // wakes each loop once.
        toStart.forEach((executor, idle) -> executor.execute(() -> idle.forEach(Forwarder::drain)));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
