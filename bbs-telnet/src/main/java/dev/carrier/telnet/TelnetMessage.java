package dev.carrier.telnet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What travels on a telnet connection once IAC framing is understood: user data, option
 * negotiation, subnegotiation and bare commands. The decoder produces these and the encoder
 * writes them, so no other handler needs to know about IAC escaping.
 */
sealed interface TelnetMessage
        permits TelnetMessage.Data, TelnetMessage.Negotiation, TelnetMessage.Subnegotiation, TelnetMessage.Command {

    /** The four option verbs of RFC 854, with their wire codes. */
    enum Verb {
        WILL(Telnet.WILL), WONT(Telnet.WONT), DO(Telnet.DO), DONT(Telnet.DONT);

        private final int code;

        Verb(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The verb for a wire code, or null when the byte is not one of the four. */
        public static Verb of(int code) {
            return switch (code) {
                case Telnet.WILL -> WILL;
                case Telnet.WONT -> WONT;
                case Telnet.DO -> DO;
                case Telnet.DONT -> DONT;
                default -> null;
            };
        }
    }

    /**
     * User data with IAC escaping removed. The array belongs to the message: nobody modifies it
     * after construction (it is not copied, because every keystroke passes through here).
     */
    record Data(byte[] bytes) implements TelnetMessage {
        public Data {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
        }
    }

    /** {@code IAC verb option}. */
    record Negotiation(Verb verb, int option) implements TelnetMessage {
        public Negotiation {
            Objects.requireNonNull(verb, "verb");
            checkByte(option, "option");
        }

        @Override
        public String toString() {
            return verb + " " + Telnet.optionName(option);
        }
    }

    /**
     * {@code IAC SB option payload IAC SE}, with doubled IACs inside the payload already undone.
     * The array belongs to the message, as with {@link Data}.
     */
    record Subnegotiation(int option, byte[] payload) implements TelnetMessage {
        public Subnegotiation {
            checkByte(option, "option");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Subnegotiation s && option == s.option && Arrays.equals(payload, s.payload);
        }

        @Override
        public int hashCode() {
            return 31 * option + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "SB " + Telnet.optionName(option) + " [" + HexFormat.ofDelimiter(" ").formatHex(payload) + "]";
        }
    }

    /**
     * {@code IAC code} for a command without an option: NOP, AYT, IP, BRK, GA, EL, EC and so on.
     * SB and the four verbs have their own message kinds, so they are not valid codes here.
     */
    record Command(int code) implements TelnetMessage {
        public Command {
            checkByte(code, "code");
            if (code >= Telnet.SB) {
                throw new IllegalArgumentException(
                        "command code " + code + " is SB, a verb or IAC: use Subnegotiation, Negotiation or Data");
            }
        }

        @Override
        public String toString() {
            return "IAC " + Telnet.commandName(code);
        }
    }

    private static void checkByte(int value, String name) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0-255, was " + value);
        }
    }
}
