package dev.carrier.netty;

import dev.carrier.terminal.Terminal;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed input waiting for the output to drain, for every transport (Netty channels through
 * {@link SessionBridge}, SSH shells). One read can carry thousands of keystrokes, and each may
 * draw a screenful (a menu key), so keystrokes go to the session a few at a time, one chunk per
 * task on the terminal's executor, and only while the terminal is writable; the rest waits here,
 * and the connection is told to stop reading ({@link Reading}) until it has all gone through.
 * Past {@link #MAX_HELD_CHARS} characters the excess is dropped, as no typist gets that far ahead.
 *
 * <p>One per connection, used on the terminal's executor only.
 */
public final class HeldInput {

    static final int MAX_HELD_CHARS = 64 * 1024;

    /** Keystrokes handed over between writability checks: bounds the output one check lets through. */
    static final int CHUNK = 32;

    private static final Logger log = LoggerFactory.getLogger(HeldInput.class);

    /** How the connection stops taking input while keystrokes wait, and takes it again. */
    public interface Reading {
        /** Keystrokes are waiting: read no more for now. Called again while they wait. */
        void hold();

        /** Nothing waits any more. */
        void release();

        /** For a transport whose flow control is {@link #add(CharSequence, Runnable)}'s callback. */
        Reading NONE = new Reading() {
            @Override
            public void hold() {}

            @Override
            public void release() {}
        };
    }

    /** The end of a piece of text in {@link #held}, and what to run once the session has had it all. */
    private record Mark(int end, Runnable taken) {}

    private final Terminal terminal;
    private final Consumer<CharSequence> session;
    private final Reading reading;
    private final StringBuilder held = new StringBuilder();
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private int start; // held.substring(start) still waits
    private boolean pumping;
    private boolean waitingForDrain;

    /**
     * @param terminal whose writability paces the keystrokes, on whose executor they are handed over
     * @param session  where keystrokes go, a few at a time
     */
    public HeldInput(Terminal terminal, Consumer<CharSequence> session, Reading reading) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.session = Objects.requireNonNull(session, "session");
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /** Passes {@code text} on as far as the output allows and keeps the rest. */
    public void add(CharSequence text) {
        add(text, null);
    }

    /**
     * As {@link #add(CharSequence)}; {@code taken} runs once every character of {@code text} has
     * reached the session (characters dropped past the bound count as reached), in the order the
     * pieces came, so a transport can grant its client more credit only for what was used.
     */
    public void add(CharSequence text, Runnable taken) {
        int room = MAX_HELD_CHARS - waiting();
        if (text.length() > room) {
            log.debug("{}: dropped {} keystrokes typed ahead of blocked output", terminal.info().remoteAddress(),
                    text.length() - Math.max(room, 0));
        }
        if (room > 0) held.append(text, 0, Math.min(room, text.length()));
        if (taken != null) marks.add(new Mark(held.length(), taken));
        pump();
    }

    /** Characters waiting now. */
    public int waiting() {
        return held.length() - start;
    }

    /** The connection is gone: what waits never reaches the session. */
    public void clear() {
        held.setLength(0);
        start = 0;
        marks.clear();
    }

    private void pump() {
        if (pumping) return; // the session wrote, the terminal drained, and we were called back
        if (start < held.length()) {
            if (!terminal.isWritable()) {
                if (!waitingForDrain) {
                    waitingForDrain = true;
                    terminal.whenWritable(this::drained);
                }
            } else {
                pumping = true;
                try {
                    int end = Math.min(start + CHUNK, held.length());
                    if (end < held.length() && Character.isHighSurrogate(held.charAt(end - 1))) end++;
                    String chunk = held.substring(start, end);
                    start = end;
                    session.accept(chunk);
                } finally {
                    pumping = false;
                }
                // One chunk per task: a transport that gathers a task's output (the web terminal's
                // one frame per task) writes it before the next writability check.
                if (start < held.length()) terminal.executor().execute(this::pump);
            }
        }
        runTaken();
        if (start < held.length()) {
            reading.hold();
        } else {
            held.setLength(0);
            start = 0;
            reading.release();
        }
    }

    private void drained() {
        waitingForDrain = false;
        pump();
    }

    private void runTaken() {
        while (!marks.isEmpty() && marks.peek().end() <= start) marks.poll().taken().run();
        if (start == held.length()) {
            while (!marks.isEmpty()) marks.poll().taken().run();
        }
    }
}
