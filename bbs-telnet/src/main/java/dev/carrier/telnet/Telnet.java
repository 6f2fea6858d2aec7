package dev.carrier.telnet;

/**
 * The byte values of RFC 854 and of the option RFCs Carrier speaks, named once so that the codec,
 * the negotiator and their tests agree on them.
 */
final class Telnet {

    // Commands (RFC 854).
    public static final int IAC = 255;
    public static final int DONT = 254;
    public static final int DO = 253;
    public static final int WONT = 252;
    public static final int WILL = 251;
    public static final int SB = 250;
    public static final int GA = 249;
    public static final int EL = 248;
    public static final int EC = 247;
    public static final int AYT = 246;
    public static final int AO = 245;
    public static final int IP = 244;
    public static final int BRK = 243;
    public static final int DM = 242;
    public static final int NOP = 241;
    public static final int SE = 240;

    // Options.
    public static final int BINARY = 0;        // RFC 856
    public static final int ECHO = 1;          // RFC 857
    public static final int SGA = 3;           // RFC 858, suppress go-ahead
    public static final int STATUS = 5;        // RFC 859
    public static final int TIMING_MARK = 6;   // RFC 860
    public static final int TTYPE = 24;        // RFC 1091, terminal type
    public static final int NAWS = 31;         // RFC 1073, window size
    public static final int LINEMODE = 34;     // RFC 1184
    public static final int NEW_ENVIRON = 39;  // RFC 1572

    // Subnegotiation verbs of TTYPE and NEW-ENVIRON.
    public static final int IS = 0;
    public static final int SEND = 1;
    public static final int INFO = 2;

    // NEW-ENVIRON item markers.
    public static final int VAR = 0;
    public static final int VALUE = 1;
    public static final int ESC = 2;
    public static final int USERVAR = 3;

    private Telnet() {}

    /** A readable name for logs and test failures: {@code ECHO}, {@code NAWS}, or the number. */
    public static String optionName(int option) {
        return switch (option) {
            case BINARY -> "BINARY";
            case ECHO -> "ECHO";
            case SGA -> "SGA";
            case STATUS -> "STATUS";
            case TIMING_MARK -> "TIMING-MARK";
            case TTYPE -> "TTYPE";
            case NAWS -> "NAWS";
            case LINEMODE -> "LINEMODE";
            case NEW_ENVIRON -> "NEW-ENVIRON";
            default -> Integer.toString(option);
        };
    }

    /** A readable name for a command byte that follows IAC. */
    public static String commandName(int code) {
        return switch (code) {
            case SE -> "SE";
            case NOP -> "NOP";
            case DM -> "DM";
            case BRK -> "BRK";
            case IP -> "IP";
            case AO -> "AO";
            case AYT -> "AYT";
            case EC -> "EC";
            case EL -> "EL";
            case GA -> "GA";
            default -> Integer.toString(code);
        };
    }

    /**
     * The bytes with every 0xFF doubled, so a peer reads them as data rather than as IAC. Returns
     * the same array when there is nothing to double, which is the common case (UTF-8 never
     * produces 0xFF).
     */
    public static byte[] escapeIac(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            if (b == (byte) IAC) count++;
        }
        if (count == 0) return bytes;
        byte[] escaped = new byte[bytes.length + count];
        int j = 0;
        for (byte b : bytes) {
            escaped[j++] = b;
            if (b == (byte) IAC) escaped[j++] = b;
        }
        return escaped;
    }
}
