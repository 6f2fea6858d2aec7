package dev.carrier.presence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What presence keeps between connections: chosen statuses and when each person was last seen.
 * Every method blocks on storage: call them from the worker pool (or at start-up).
 */
public interface PresenceStore {

    /** Every kept choice, by handle as registered. */
    Map<String, ChosenStatus> chosenStatuses();

    /**
     * Keeps (or, when empty, forgets) a person's chosen status, unless a choice made after
     * {@code at} is already stored: writes from workers may land out of order.
     */
    void choose(String handle, Optional<ChosenStatus> choice, Instant at);

    /** The person's last connection ended at {@code at}. */
    void seen(String handle, Instant at);

    /** When the person was last seen, if ever. */
    Optional<Instant> lastSeen(String handle);

    /** Up to {@code limit} people who have been seen, the most recently seen first. */
    List<Member> recentlySeen(int limit);

    /** Up to {@code limit} members whose handles sort after {@code after} (without case), by handle. */
    List<Member> members(String after, int limit);
}
