package dev.carrier.chat;

/**
 * Told how the room's lines fare, for the server's metrics: how many viewers each line was handed
 * to, and how many lines a slow viewer lost ("Missed N"). Called from the bus's drain and from
 * viewers' executors; must not block.
 */
public interface ChatCounters {

    ChatCounters NONE = new ChatCounters() {
        @Override
        public void delivered(int viewers) {}

        @Override
        public void missed(int lines) {}
    };

    /** A line went into {@code viewers} mailboxes. */
    void delivered(int viewers);

    /** A viewer was told it missed {@code lines} lines. */
    void missed(int lines);
}
