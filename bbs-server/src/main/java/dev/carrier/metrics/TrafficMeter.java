package dev.carrier.metrics;

import dev.carrier.admin.Traffic;
import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What users say to each other: chat lines, their deliveries to viewers and the lines slow viewers
 * missed, direct messages stored and delivered, letters sent. Chat is counted over all rooms
 * together: callers make rooms themselves (up to thousands), so a room label would not stay bounded.
 */
public final class TrafficMeter implements ChatCounters, CountedMessageStore.Counts {

    private final Counter lines;
    private final Counter deliveries;
    private final Counter missed;
    private final Counter dmsStored;
    private final Counter dmsDelivered;
    private final Counter letters;

    public TrafficMeter(MeterRegistry registry) {
        lines = Counter.builder("carrier.chat.lines").description("Lines said or acted in the chat rooms")
                .register(registry);
        deliveries = Counter.builder("carrier.chat.deliveries")
                .description("Chat lines handed to viewers (one per line per viewer)").register(registry);
        missed = Counter.builder("carrier.chat.missed")
                .description("Chat lines dropped for viewers who did not keep up (shown as Missed N)")
                .register(registry);
        dmsStored = Counter.builder("carrier.dms.stored").description("Direct messages stored").register(registry);
        dmsDelivered = Counter.builder("carrier.dms.delivered")
                .description("Direct messages shown to their recipient").register(registry);
        letters = Counter.builder("carrier.mail.sent")
                .description("Letters stored, one per recipient's mailbox").register(registry);
    }

    /** A bus subscriber: counts what is said in the rooms. */
    public void onBus(BusMessage message) {
        if (Traffic.isChatLine(message)) lines.increment();
    }

    @Override
    public void delivered(int viewers) {
        deliveries.increment(viewers);
    }

    @Override
    public void missed(int count) {
        missed.increment(count);
    }

    @Override
    public void dmStored() {
        dmsStored.increment();
    }

    @Override
    public void dmsDelivered(int messages) {
        dmsDelivered.increment(messages);
    }

    /** Letters stored by one send. */
    public void lettersSent(int count) {
        letters.increment(count);
    }
}
