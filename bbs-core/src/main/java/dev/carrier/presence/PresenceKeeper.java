package dev.carrier.presence;

import dev.carrier.bus.Bus;
import dev.carrier.runtime.Workers;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what presence must remember after a connection ends: a status chosen by hand (until the
 * person chooses {@code /back}) and when their last connection ended. Listens on the bus and
 * writes on the workers, never on the publishing thread. In a cluster every server hears every
 * person's changes; only the server where a change was caused ({@link PresenceEvent#here}) writes
 * it, so the shared database is written once.
 */
public final class PresenceKeeper {

    private static final Logger log = LoggerFactory.getLogger(PresenceKeeper.class);

    private PresenceKeeper() {}

    public static void attach(Bus bus, PresenceStore store, Workers workers) {
        bus.subscribe(message -> {
            if (!(message instanceof PresenceEvent event) || !event.here()) return;
            if (event.reason() == PresenceEvent.Reason.MANUAL) {
                Optional<ChosenStatus> choice = event.to() == Status.ONLINE
                        ? Optional.empty() : Optional.of(new ChosenStatus(event.to(), event.text()));
                keep(workers.run(() -> store.choose(event.handle(), choice, event.at())), event);
            } else if (event.reason() == PresenceEvent.Reason.DISCONNECT) {
                keep(workers.run(() -> store.seen(event.handle(), event.at())), event);
            }
        });
    }

    private static void keep(CompletableFuture<Void> write, PresenceEvent event) {
        write.exceptionally(failure -> {
            log.warn("could not keep {}'s presence ({})", event.handle(), event.reason(), failure);
            return null;
        });
    }
}
