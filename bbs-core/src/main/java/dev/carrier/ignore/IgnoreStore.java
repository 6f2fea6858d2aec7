package dev.carrier.ignore;

import java.util.List;
import java.util.Map;

/** Who ignores whom, kept (handles lower-case). Methods block: call them from the workers only. */
public interface IgnoreStore {

    /** Every owner's ignored handles. */
    Map<String, List<String>> all();

    /** False when it was there already. */
    boolean add(String owner, String ignored);

    /** False when it was not there. */
    boolean remove(String owner, String ignored);
}
