package dev.carrier.user;

/**
 * Registration chose a handle that another user already has, possibly in another case. The
 * message is meant for the user as it stands.
 */
public final class HandleTakenException extends RuntimeException {

    private final String handle;

    public HandleTakenException(String handle) {
        super("that handle is taken");
        this.handle = handle;
    }

    /** The handle that was asked for. */
    public String handle() {
        return handle;
    }
}
