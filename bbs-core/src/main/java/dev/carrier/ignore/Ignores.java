package dev.carrier.ignore;

import dev.carrier.runtime.Workers;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * {@code /ignore}: whose chat lines, actions, direct messages, pages, bells and mail notices do not
 * reach a user, on every transport. The sender is not told. A sysop's broadcast is not theirs to
 * ignore, and never passes here.
 *
 * <p>Asked on every line a room fans out, so the answer comes from memory: every user's set is
 * read once at start and kept beside the store. Each set is immutable and replaced atomically
 * per owner ({@link ConcurrentHashMap#compute}); changes are stored on the workers first.
 */
public final class Ignores implements BiPredicate<String, String> {

    public static final int MAX_PER_USER = 100;

    private final IgnoreStore store;
    private final UserStore users;
    private final Workers workers;
    private final Map<String, Set<String>> byOwner = new ConcurrentHashMap<>();

    /** What a request to ignore someone came to, for the user to read. */
    public enum Outcome { IGNORED, ALREADY, NO_SUCH_USER, SELF, FULL }

    /** Reads every user's set. Blocks: call at wiring time. */
    public Ignores(IgnoreStore store, UserStore users, Workers workers) {
        this.store = store;
        this.users = users;
        this.workers = workers;
        store.all().forEach((owner, ignored) -> byOwner.put(owner, Set.copyOf(ignored)));
    }

    /** Whether {@code reader} ignores {@code sender}. */
    @Override
    public boolean test(String reader, String sender) {
        if (byOwner.isEmpty()) return false; // the common case, asked once per viewer per line
        Set<String> ignored = byOwner.get(key(reader));
        return ignored != null && ignored.contains(key(sender));
    }

    /** The handles the user ignores, by name (lower-case). */
    public List<String> of(String owner) {
        return byOwner.getOrDefault(key(owner), Set.of()).stream().sorted().toList();
    }

    /** Ignores someone who exists; the handle in the answer is spelled as they spell it. On a worker. */
    public CompletableFuture<Map.Entry<Outcome, String>> ignore(String owner, String handle) {
        return workers.submit(() -> {
            if (owner.equalsIgnoreCase(handle)) return Map.entry(Outcome.SELF, handle);
            Optional<String> found = users.find(handle).map(User::handle);
            if (found.isEmpty()) return Map.entry(Outcome.NO_SUCH_USER, handle);
            if (test(owner, handle)) return Map.entry(Outcome.ALREADY, found.get());
            if (of(owner).size() >= MAX_PER_USER) return Map.entry(Outcome.FULL, found.get());
            store.add(key(owner), key(handle));
            byOwner.compute(key(owner), (o, old) -> with(old, key(handle), true));
            return Map.entry(Outcome.IGNORED, found.get());
        });
    }

    /** False when the user was not ignoring them. On a worker. */
    public CompletableFuture<Boolean> unignore(String owner, String handle) {
        return workers.submit(() -> {
            if (!test(owner, handle)) return false;
            store.remove(key(owner), key(handle));
            byOwner.compute(key(owner), (o, old) -> with(old, key(handle), false));
            return true;
        });
    }

    private static Set<String> with(Set<String> old, String handle, boolean add) {
        Set<String> changed = new HashSet<>(old == null ? Set.of() : old);
        if (add) changed.add(handle);
        else changed.remove(handle);
        return changed.isEmpty() ? null : Set.copyOf(changed);
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
