package dev.carrier.sysop;

/**
 * A sysop action that cannot be done as asked: no such user, a handle taken, a password too
 * short, nobody on that node. The message is one line meant for the sysop as it stands.
 */
public final class SysopException extends RuntimeException {

    public SysopException(String message) {
        super(message);
    }
}
