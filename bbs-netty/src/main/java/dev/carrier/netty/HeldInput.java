package dev.carrier.netty;

import io.netty.channel.Channel;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed input waiting for the output to drain. One read can carry thousands of keystrokes, and
 * each may draw a screenful (a menu key), so keystrokes go to the session a few at a time and only
 * while the channel is writable; the rest waits here, and the channel is not read from until it
 * has all gone through. What waits is at most one read's worth; past
 * {@link #MAX_HELD_CHARS} characters the excess is dropped, as no typist gets that far ahead.
 *
 * <p>One per connection, used on its event loop only; {@link #writabilityChanged()} must be
 * called when the channel's writability changes.
 */
final class HeldInput {

    static final int MAX_HELD_CHARS = 64 * 1024;

    /** Keystrokes handed over between writability checks: bounds the output one check lets through. */
    static final int CHUNK = 32;

    static final String INPUT_HELD = "input held";

    private static final Logger log = LoggerFactory.getLogger(HeldInput.class);

    private final Channel channel;
    private final Consumer<CharSequence> session;
    private final StringBuilder held = new StringBuilder();
    private int start; // held.substring(start) still waits
    private boolean pumping;

    /** @param session where keystrokes go, a few at a time */
    HeldInput(Channel channel, Consumer<CharSequence> session) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Passes {@code text} on as far as the output allows and keeps the rest. */
    void add(CharSequence text) {
        int waiting = held.length() - start;
        int room = MAX_HELD_CHARS - waiting;
        if (text.length() > room) {
            log.debug("{}: dropped {} keystrokes typed ahead of blocked output", channel.remoteAddress(),
                    text.length() - Math.max(room, 0));
        }
        if (room > 0) held.append(text, 0, Math.min(room, text.length()));
        pump();
    }

    /** The output drained (or filled): go on handing keystrokes over, or keep waiting. */
    void writabilityChanged() {
        pump();
    }

    /** Characters waiting now. */
    int waiting() {
        return held.length() - start;
    }

    private void pump() {
        if (pumping) return; // the session wrote, the channel flipped writable, and we were called back
        if (start < held.length() && channel.isWritable() && channel.isActive()) {
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
            // One chunk per event-loop task: a transport that gathers a task's output (the web
            // terminal's one frame per task) writes it before the next writability check.
            if (start < held.length()) channel.eventLoop().execute(this::pump);
        }
        ReadSuspensions reads = ReadSuspensions.of(channel);
        if (start < held.length() && channel.isActive()) {
            reads.suspend(INPUT_HELD);
        } else {
            held.setLength(0);
            start = 0;
            if (channel.isActive()) reads.resume(INPUT_HELD);
        }
    }
}
