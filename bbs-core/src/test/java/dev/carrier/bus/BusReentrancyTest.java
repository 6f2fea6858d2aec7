package dev.carrier.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceEvent;
import dev.carrier.presence.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A subscriber that publishes, or calls back into a publisher, neither deadlocks nor reorders. */
class BusReentrancyTest {

    private record Note(String text) implements BusMessage {}

    @Test
    void aMessagePublishedFromASubscriberFollowsTheCurrentOneForEverySubscriber() {
        InProcessBus bus = new InProcessBus();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        bus.subscribe(message -> {
            Note note = (Note) message;
            first.add(note.text());
            if (note.text().equals("a")) bus.publish(new Note("a'"));
        });
        bus.subscribe(message -> second.add(((Note) message).text()));

        bus.publish(new Note("a"));
        bus.publish(new Note("b"));

        // Before: the nested message reached the second subscriber before the one that caused it.
        assertEquals(List.of("a", "a'", "b"), first);
        assertEquals(first, second);
    }

    @Test
    void aSubscriberThatCallsBackIntoPresenceFromAnotherThreadDoesNotDeadlock() throws Exception {
        InProcessBus bus = new InProcessBus();
        Presence presence = new Presence(bus, Clock.systemUTC(), Duration.ofMinutes(15));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inSubscriber = new CountDownLatch(1);
        CountDownLatch otherThreadDone = new CountDownLatch(1);
        List<Boolean> otherGotThrough = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe(message -> {
            if (!(message instanceof PresenceEvent event)) return;
            seen.add(event.handle() + ":" + event.to());
            if (event.handle().equals("alice") && inSubscriber.getCount() > 0) {
                inSubscriber.countDown();
                // Another thread changes presence while this delivery is under way, and this
                // subscriber reads presence: with the change published under Presence's lock,
                // the two threads waited for each other for ever.
                otherGotThrough.add(awaitQuietly(otherThreadDone));
            }
            presence.find(event.handle());
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Thread publisher = new Thread(() -> presence.connected("alice"));
            publisher.start();
            inSubscriber.await(5, TimeUnit.SECONDS);
            other.submit(() -> {
                presence.connected("bob");
                presence.choose("bob", Status.AWAY, Optional.empty());
                otherThreadDone.countDown();
            });
            publisher.join(TimeUnit.SECONDS.toMillis(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
            assertEquals(List.of(true), List.copyOf(otherGotThrough), "the other thread was not blocked");
            assertEquals(List.of("alice:ONLINE", "bob:ONLINE", "bob:AWAY"), List.copyOf(seen));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void manyThreadsPublishingConcurrentlyGiveEverySubscriberTheSameOrder() throws Exception {
        InProcessBus bus = new InProcessBus();
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe(message -> {
            Note note = (Note) message;
            first.add(note.text());
            if (note.text().endsWith("-0")) bus.publish(new Note(note.text() + "-echo"));
        });
        bus.subscribe(message -> second.add(((Note) message).text()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 500; i++) bus.publish(new Note(thread + "-" + i));
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> second.size() == 4 * 501);
            assertTrue(List.copyOf(first).equals(List.copyOf(second)), "both subscribers saw one order");
            for (int thread = 0; thread < 4; thread++) {
                String prefix = thread + "-";
                List<String> own = first.stream().filter(text -> text.startsWith(prefix) && !text.endsWith("echo"))
                        .toList();
                for (int i = 0; i < own.size(); i++) {
                    if (!own.get(i).equals(prefix + i)) throw new AssertionError("thread " + thread + " out of order at " + i);
                }
                assertTrue(first.indexOf(prefix + "0") < first.indexOf(prefix + "0-echo"), "an echo follows its cause");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
