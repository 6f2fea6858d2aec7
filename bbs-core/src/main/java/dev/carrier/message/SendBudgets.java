package dev.carrier.message;

import dev.carrier.chat.ChatConfig;
import dev.carrier.chat.FloodGate;
import java.time.Clock;
import java.time.Duration;

/**
 * How fast one user may reach other people, shared by all of that user's connections and
 * transports: chat lines and actions, direct messages, pages and letters spend from one budget
 * (the chat flood gate's shape: {@code --flood-burst} at once, then one per
 * {@code --flood-interval}); typing indicators from a separate, roomier one, and are simply
 * dropped when it is spent. A burst of 0 lifts both.
 *
 * <p>Thread rule: any thread. Memory is bounded by {@link FloodGate}.
 */
public final class SendBudgets {

    /** Typing indicators allowed at once, and how fast they refill, relative to messages. */
    static final int TYPING_BURST_FACTOR = 4;

    private final FloodGate messages;
    private final FloodGate typing;

    public SendBudgets(int burst, Duration interval, Clock clock) {
        this.messages = new FloodGate(burst, interval, clock);
        this.typing = new FloodGate(burst * TYPING_BURST_FACTOR,
                burst > 0 ? interval.dividedBy(TYPING_BURST_FACTOR) : interval, clock);
    }

    public SendBudgets(ChatConfig config, Clock clock) {
        this(config.floodBurst(), config.floodInterval(), clock);
    }

    /** No limits at all: for tests that are about something else. */
    public static SendBudgets unlimited(Clock clock) {
        return new SendBudgets(0, Duration.ofSeconds(1), clock);
    }

    /** Spends one message (a chat line, a DM, a page, a letter); false means slow down. */
    public boolean tryMessage(String handle) {
        return messages.tryPass(handle);
    }

    /** Spends one typing indicator; false means drop it. */
    public boolean tryTyping(String handle) {
        return typing.tryPass(handle);
    }

    /** When the user may send a message again, as a sentence for an error: "try again in 2 s". */
    public String retryHint(String handle) {
        Duration wait = messages.retryAfter(handle);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "too many messages at once: try again in " + seconds + " s";
    }
}
