package dev.carrier.ignore;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.InProcessBus;
import dev.carrier.runtime.Workers;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ignore}: whose chat lines, actions, direct messages, pages, bells and mail notices do not
 * reach a user, on every transport. The sender is not told. A sysop's broadcast is not theirs to
 * ignore, and never passes here.
 *
 * <p>Asked on every line a room fans out, so the answer comes from memory: every user's set is
 * read once at start and kept beside the store. Each set is immutable and replaced atomically
 * per owner ({@link ConcurrentHashMap#compute}). A change is stored first (on the workers), then
 * the owner's set is read back from the store, and an {@link IgnoresChanged} on the bus makes
 * every other server read it too. Reads may finish out of order, so each is numbered when it
 * starts and an older read never replaces a newer one: a read that starts later sees every change
 * stored before it started.
 */
public final class Ignores implements BiPredicate<String, String> {

    public static final int MAX_PER_USER = 100;

    private static final Logger log = LoggerFactory.getLogger(Ignores.class);

    private final IgnoreStore store;
    private final UserStore users;
    private final Workers workers;
    private final Bus bus;
    /** Names this instance on the bus, so it skips its own changes when they come back. */
    private final String origin = UUID.randomUUID().toString();
    private final AtomicLong reads = new AtomicLong();
    private final Map<String, Kept> byOwner = new ConcurrentHashMap<>();

    /** One owner's set, and the number of the read it came from. */
    private record Kept(long read, Set<String> ignored) {}

    /** What a request to ignore someone came to, for the user to read. */
    public enum Outcome { IGNORED, ALREADY, NO_SUCH_USER, SELF, FULL }

    /** Alone on its own bus: no other server to tell. Reads every user's set; blocks. */
    public Ignores(IgnoreStore store, UserStore users, Workers workers) {
        this(store, users, workers, new InProcessBus());
    }

    /**
     * Reads every user's set. Blocks: call at wiring time.
     *
     * @param bus where changes are announced to the other servers, and heard from them
     */
    @SuppressWarnings("this-escape") // the subscriber only reads final fields set before it
    public Ignores(IgnoreStore store, UserStore users, Workers workers, Bus bus) {
        this.store = store;
        this.users = users;
        this.workers = workers;
        this.bus = bus;
        store.all().forEach((owner, ignored) -> byOwner.put(owner, new Kept(0, Set.copyOf(ignored))));
        bus.subscribe(this::onBus);
    }

    /** Whether {@code reader} ignores {@code sender}. */
    @Override
    public boolean test(String reader, String sender) {
        if (byOwner.isEmpty()) return false; // the common case, asked once per viewer per line
        Kept kept = byOwner.get(key(reader));
        return kept != null && kept.ignored().contains(key(sender));
    }

    /** The handles the user ignores, by name (lower-case). */
    public List<String> of(String owner) {
        Kept kept = byOwner.get(key(owner));
        return kept == null ? List.of() : kept.ignored().stream().sorted().toList();
    }

    /** Ignores someone who exists; the handle in the answer is spelled as they spell it. On a worker. */
    public CompletableFuture<Map.Entry<Outcome, String>> ignore(String owner, String handle) {
        return workers.submit(() -> {
            if (owner.equalsIgnoreCase(handle)) return Map.entry(Outcome.SELF, handle);
            Optional<String> found = users.find(handle).map(User::handle);
            if (found.isEmpty()) return Map.entry(Outcome.NO_SUCH_USER, handle);
            if (test(owner, handle)) return Map.entry(Outcome.ALREADY, found.get());
            // The store holds the cap, so a change made meanwhile on another server counts too.
            boolean added = store.add(key(owner), key(handle), MAX_PER_USER);
            changed(owner);
            if (!added) return Map.entry(test(owner, handle) ? Outcome.ALREADY : Outcome.FULL, found.get());
            return Map.entry(Outcome.IGNORED, found.get());
        });
    }

    /** False when the user was not ignoring them. On a worker. */
    public CompletableFuture<Boolean> unignore(String owner, String handle) {
        return workers.submit(() -> {
            if (!test(owner, handle)) return false;
            store.remove(key(owner), key(handle));
            changed(owner);
            return true;
        });
    }

    /** After a change in the store: this server reads the owner's set again, and tells the others to. */
    private void changed(String owner) {
        reload(key(owner));
        bus.publish(new IgnoresChanged(key(owner), origin));
    }

    private void onBus(BusMessage message) {
        if (message instanceof IgnoresChanged change && !change.origin().equals(origin)) {
            workers.run(() -> reload(change.owner())).exceptionally(failure -> {
                log.warn("cannot read the ignore list of {} again: {}", change.owner(), failure.toString());
                return null;
            });
        }
    }

    /** Reads the owner's set from the store; kept unless a read that started later got there first. Blocks. */
    private void reload(String owner) {
        long read = reads.incrementAndGet();
        Set<String> ignored = Set.copyOf(store.of(owner));
        byOwner.compute(owner, (o, kept) -> kept != null && kept.read() > read ? kept : new Kept(read, ignored));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
