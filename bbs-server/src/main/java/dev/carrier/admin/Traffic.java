package dev.carrier.admin;

import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatEvent;
import java.time.Clock;

/**
 * Messages per minute for {@code carrier status}: chat lines said in the room (seen on the bus)
 * and direct messages (seen as they are stored), counted per second over the last 60 seconds.
 * One lock guards the small ring of counters; every method may be called from any thread.
 */
public final class Traffic {

    private static final int SECONDS = 60;

    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final int[] count = new int[SECONDS];

    public Traffic(Clock clock) {
        this.clock = clock;
    }

    /** A bus subscriber: counts lines said or acted in the chat room. */
    public void onBus(BusMessage message) {
        if (isChatLine(message)) count();
    }

    /** A line said or acted in the chat room: what counts as a chat message everywhere. */
    public static boolean isChatLine(BusMessage message) {
        return message instanceof ChatEvent.Public || message instanceof ChatEvent.Action;
    }

    /** Counts one message now. */
    public synchronized void count() {
        long now = clock.instant().getEpochSecond();
        int slot = (int) Math.floorMod(now, (long) SECONDS);
        if (second[slot] != now) {
            second[slot] = now;
            count[slot] = 0;
        }
        count[slot]++;
    }

    /** Messages in the 60 seconds up to now. */
    public synchronized int perMinute() {
        long now = clock.instant().getEpochSecond();
        int total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (now - second[i] < SECONDS && second[i] <= now) total += count[i];
        }
        return total;
    }
}
