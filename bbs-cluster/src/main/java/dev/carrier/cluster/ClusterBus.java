package dev.carrier.cluster;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.InProcessBus;
import dev.carrier.bus.LocalMessage;
import io.nats.client.ConsumeOptions;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a server in a cluster. Everything replicated goes into ONE JetStream stream, and
 * each server reads that stream back through its own ordered consumer and delivers what it reads
 * (its own messages too: never short-cut) to its subscribers. The stream's order is therefore the
 * order on every server: a room's lines, a kick and the next line all arrive in one order
 * everywhere. One stream rather than one per room because the order between kinds matters too
 * (room state before the lines that follow it), and the stream is only a relay: it keeps a minute,
 * since what lasts is in the database.
 *
 * <p>Delivery to this server's subscribers goes through an {@link InProcessBus}, so the
 * guarantees are the single server's: one message at a time, in one order, no lock held, a
 * message published from a subscriber after the current one. A {@link LocalMessage} goes straight
 * into that local order. While the link is down a replicated message is delivered here only
 * (callers on this server keep chatting) and {@link #linked()} says false; the ordered consumer
 * picks up where it was when NATS is back.
 *
 * <p>{@link #publish} never blocks: a publisher may be a Netty event loop. The publish to NATS is
 * asynchronous and the library buffers nothing while disconnected, so a failure is known at once.
 */
public final class ClusterBus implements Bus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);
    static final String STREAM = "CARRIER_BUS";
    static final String SUBJECTS = "carrier.bus.>";
    /** The stream relays; it does not keep. A server that was away longer catches up from its beat. */
    static final Duration KEEP = Duration.ofMinutes(1);
    static final long MAX_BYTES = 256L * 1024 * 1024;
    /**
     * How long one pull waits. The server sends an idle heartbeat every half of it, and three
     * missed heartbeats make the ordered consumer start again where it was: after NATS comes back
     * the stream flows again within seconds rather than the library's default of a minute and more.
     */
    static final long PULL_EXPIRES_MILLIS = 2_000;

    private final ClusterLink link;
    private final String server;
    private final String subject;
    private final BusCodec codec = new BusCodec();
    private final InProcessBus local = new InProcessBus();
    private final JetStream jetStream;
    private final MessageConsumer consumer;

    /** Makes sure the stream exists and starts reading it from now on. */
    public ClusterBus(ClusterLink link, String server) {
        this.link = link;
        this.server = server;
        this.subject = "carrier.bus." + server;
        this.jetStream = link.jetStream();
        link.onRelinked(this::ensureStreamAgain);
        try {
            ensureStream(link.management());
            consumer = link.connection().getStreamContext(STREAM)
                    .createOrderedConsumer(new OrderedConsumerConfiguration()
                            .filterSubject(SUBJECTS).deliverPolicy(DeliverPolicy.New))
                    .consume(ConsumeOptions.builder().expiresIn(PULL_EXPIRES_MILLIS).build(), this::received);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the cluster's stream: " + e.getMessage(), e);
        } catch (JetStreamApiException e) {
            throw new IllegalStateException("cannot open the cluster's stream (is JetStream on?): " + e.getMessage(), e);
        }
    }

    static void ensureStream(JetStreamManagement management) throws IOException, JetStreamApiException {
        StreamConfiguration config = StreamConfiguration.builder()
                .name(STREAM)
                .subjects(SUBJECTS)
                .storageType(StorageType.File)
                .maxAge(KEEP)
                .maxBytes(MAX_BYTES)
                .build();
        if (management.getStreamNames().contains(STREAM)) management.updateStream(config);
        else management.addStream(config);
    }

    /** After a reconnect: a NATS restarted without its store has no stream until it is made again. */
    private void ensureStreamAgain() {
        try {
            ensureStream(link.management());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.warn("could not make the cluster's stream again after a reconnect: {}", e.toString());
        }
    }

    @Override
    public void publish(BusMessage message) {
        if (message instanceof LocalMessage || !link.linked()) {
            local.publish(message);
            return;
        }
        byte[] bytes = codec.encode(server, message);
        try {
            jetStream.publishAsync(subject, bytes).whenComplete((ack, failed) -> {
                if (failed != null) log.warn("the cluster may have missed {}: {}", message, failed.toString());
            });
        } catch (RuntimeException unlinked) {
            // The link went down between the check and the send: nothing left, so say it here.
            local.publish(message);
        }
    }

    private void received(Message message) {
        BusCodec.Received received;
        try {
            received = codec.decode(message.getData());
        } catch (IllegalArgumentException e) {
            log.warn("ignored on the cluster's stream ({}): {}", message.getSubject(), e.getMessage());
            return;
        }
        local.publish(received.message());
    }

    @Override
    public Subscription subscribe(Consumer<BusMessage> subscriber) {
        return local.subscribe(subscriber);
    }

    @Override
    public boolean linked() {
        return link.linked();
    }

    /** Stops reading the stream; the link is closed by its owner. */
    @Override
    public void close() {
        consumer.stop();
    }
}
