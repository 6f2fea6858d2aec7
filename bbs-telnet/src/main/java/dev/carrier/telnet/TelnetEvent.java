package dev.carrier.telnet;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link OptionNegotiator} learnt about the client, passed up the pipeline in arrival order
 * between the {@link TelnetMessage.Data} it lets through, so the handler above never parses
 * telnet itself.
 */
sealed interface TelnetEvent
        permits TelnetEvent.TerminalType, TelnetEvent.TerminalTypeRefused, TelnetEvent.WindowSize,
                TelnetEvent.Environment, TelnetEvent.ServerEcho {

    /** TTYPE IS: the client's terminal type, lower-cased and stripped to printable ASCII. */
    record TerminalType(String name) implements TelnetEvent {
        public TerminalType {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The client will not tell its terminal type (it refused TTYPE or sent an empty one). */
    record TerminalTypeRefused() implements TelnetEvent {}

    /** NAWS: the window size; 0 means the client does not know that dimension. */
    record WindowSize(int columns, int rows) implements TelnetEvent {}

    /** NEW-ENVIRON IS or INFO: variables the client chose to tell, both VAR and USERVAR kinds. */
    record Environment(Map<String, String> variables) implements TelnetEvent {
        public Environment {
            variables = Map.copyOf(variables);
        }
    }

    /** Whether the client lets the server echo (it answered our WILL ECHO with DO ECHO). */
    record ServerEcho(boolean enabled) implements TelnetEvent {}
}
