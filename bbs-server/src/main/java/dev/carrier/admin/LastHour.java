package dev.carrier.admin;

import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The last hour minute by minute, for the sysop dashboard's charts: callers (the most connected at
 * once in each minute) and messages (chat lines and direct messages). A ring of 60 minutes,
 * written as sessions open and close and messages pass; a minute nothing happened in keeps the
 * callers of the minute before. One lock guards the ring; every method may be called from any thread.
 */
public final class LastHour implements SessionListener {

    private static final int MINUTES = 60;

    /** One point per minute, oldest first; {@code minutes} are the minutes' starts in epoch seconds. */
    public record Series(List<Long> minutes, List<Integer> callers, List<Integer> messages) {}

    private final Clock clock;
    private final IntSupplier callersNow;
    private final long[] minute = new long[MINUTES];
    private final int[] before = new int[MINUTES];
    private final int[] peak = new int[MINUTES];
    private final int[] last = new int[MINUTES];
    private final int[] messages = new int[MINUTES];
    private final long startMinute;
    private int known; // callers after the last change seen

    /** Made as the server starts: nobody is on yet, and the minutes before show nobody. */
    /** @param callersNow how many are connected now (the nodes in use) */
    public LastHour(Clock clock, IntSupplier callersNow) {
        this.clock = clock;
        this.callersNow = callersNow;
        java.util.Arrays.fill(minute, Long.MIN_VALUE);
        startMinute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        slot();
    }

    @Override
    public void opened(Session session) {
        callersChanged();
    }

    @Override
    public void closed(Session session) {
        callersChanged();
    }

    /** A bus subscriber's or a store's count: one message now. */
    public synchronized void message() {
        messages[slot()]++;
    }

    private synchronized void callersChanged() {
        int now = callersNow.getAsInt();
        int slot = slot();
        peak[slot] = Math.max(peak[slot], now);
        last[slot] = now;
        known = now;
    }

    /** The current minute's slot, started afresh (from the callers before now) when it held an older minute. */
    private int slot() {
        long now = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        int slot = (int) Math.floorMod(now, (long) MINUTES);
        if (minute[slot] != now) {
            minute[slot] = now;
            before[slot] = known;
            peak[slot] = known;
            last[slot] = known;
            messages[slot] = 0;
        }
        return slot;
    }

    public synchronized Series series() {
        long now = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        List<Long> minutes = new ArrayList<>(MINUTES);
        List<Integer> callers = new ArrayList<>(MINUTES);
        List<Integer> said = new ArrayList<>(MINUTES);
        int carried = startingCallers(now);
        for (long m = now - MINUTES + 1; m <= now; m++) {
            int slot = (int) Math.floorMod(m, (long) MINUTES);
            boolean recorded = minute[slot] == m;
            minutes.add(m * 60);
            callers.add(recorded ? peak[slot] : m < startMinute ? 0 : carried);
            said.add(recorded ? messages[slot] : 0);
            if (recorded) carried = last[slot];
        }
        // The current minute shows at least who is on now, even before anyone came or went in it.
        int lastIndex = callers.size() - 1;
        callers.set(lastIndex, Math.max(callers.get(lastIndex), callersNow.getAsInt()));
        return new Series(minutes, callers, said);
    }

    /** Callers before the first recorded minute of the window: what that minute started from, or now; 0 before the start. */
    private int startingCallers(long now) {
        for (long m = now - MINUTES + 1; m <= now; m++) {
            int slot = (int) Math.floorMod(m, (long) MINUTES);
            if (minute[slot] == m) return before[slot];
        }
        return callersNow.getAsInt();
    }
}
