package dev.carrier.server;

/**
 * Where a transport listens: not at all, on whichever port is free (tests), or on one port. On the
 * command line 0 turns a transport off ({@link #fromOption}); to the operating system 0 means any
 * free port. Here the two are different values, so neither can be mistaken for the other.
 */
public sealed interface Port {

    /** The transport does not listen. */
    record Off() implements Port {
        @Override
        public int bindNumber() {
            throw new IllegalStateException("an off transport has no port to bind");
        }
    }

    /** The transport listens on a port the system picks; the server reports which. */
    record AnyFree() implements Port {
        @Override
        public int bindNumber() {
            return 0;
        }
    }

    /** The transport listens on this port. */
    record Fixed(int number) implements Port {
        public Fixed {
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("a port must be 1 to 65535, was " + number);
            }
        }

        @Override
        public int bindNumber() {
            return number;
        }
    }

    static Port off() {
        return new Off();
    }

    static Port anyFree() {
        return new AnyFree();
    }

    static Port of(int number) {
        return new Fixed(number);
    }

    /** As the sysop writes it for {@code option}: 0 turns the transport off. */
    static Port fromOption(String option, int number) {
        if (number == 0) return off();
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException(option + " must be a port from 1 to 65535, or 0 to turn it off; was "
                    + number);
        }
        return of(number);
    }

    default boolean isOff() {
        return this instanceof Off;
    }

    /** The number handed to the socket: 0 asks the system for a free one. Not for an off transport. */
    int bindNumber();
}
