package dev.carrier.terminal;

/**
 * The engine as transports see it: a terminal comes in, a session's input goes back.
 *
 * <p>Called on the terminal's executor once the transport knows enough to show a banner (its
 * negotiation settled). When no node is free the host tells the caller so, closes the
 * terminal and returns {@link TerminalInput#IGNORED}.
 */
@FunctionalInterface
public interface TerminalHost {
    TerminalInput open(Terminal terminal);
}
