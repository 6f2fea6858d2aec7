package dev.carrier.ignore;

import java.util.List;
import java.util.Map;

/** Who ignores whom, kept (handles lower-case). Methods block: call them from the workers only. */
public interface IgnoreStore {

    /** Every owner's ignored handles. */
    Map<String, List<String>> all();

    /** The handles one owner ignores. */
    List<String> of(String owner);

    /** False when it was there already. */
    default boolean add(String owner, String ignored) {
        return add(owner, ignored, Integer.MAX_VALUE);
    }

    /** False when it was there already, or the owner ignores {@code max} handles already. */
    boolean add(String owner, String ignored, int max);

    /** False when it was not there. */
    boolean remove(String owner, String ignored);
}
