package dev.carrier.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Random;

/**
 * Frames no well-behaved client would send: random bytes, broken telnet commands, invalid UTF-8,
 * malformed or odd JSON, and frames past the size limits. Seeded, so a run can be repeated.
 */
final class Fuzz {

    private static final int IAC = 255, SB = 250, SE = 240, WILL = 251, DO = 253, NAWS = 31, TTYPE = 24;
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** Bytes for a telnet connection: one of the broken kinds, chosen at random. */
    synchronized byte[] telnetFrame() {
        return switch (random.nextInt(6)) {
            case 0 -> bytes(1 + random.nextInt(300));
            case 1 -> new byte[] {(byte) IAC, (byte) random.nextInt(256)};
            case 2 -> concat(new byte[] {(byte) IAC, (byte) SB, (byte) (random.nextBoolean() ? NAWS : TTYPE)},
                    bytes(random.nextInt(40))); // a subnegotiation that never ends
            case 3 -> new byte[] {(byte) IAC, (byte) (WILL + random.nextInt(4)), (byte) random.nextInt(256),
                (byte) IAC, (byte) SB, (byte) IAC, (byte) SE};
            case 4 -> concat(badUtf8(), "\r\n".getBytes(UTF_8));
            default -> ("x".repeat(1000 + random.nextInt(3000)) + "\r\n").getBytes(UTF_8); // past the line limit
        };
    }

    /** A whole WebSocket frame for {@code /events}: malformed, odd, invalid or oversized. */
    synchronized byte[] jsonFrame() {
        return switch (random.nextInt(9)) {
            case 0 -> text(cut("{\"event\":\"send_message\",\"data\":{\"to\":\"soak1\",\"text\":\"hi\"}}"));
            case 1 -> text("{\"event\":" + random.nextInt() + "}");
            case 2 -> text("{\"event\":\"send_message\",\"data\":{\"to\":\"nobody" + random.nextInt(1000)
                    + "\",\"text\":\"" + "y".repeat(random.nextInt(2000)) + "\"}}");
            case 3 -> text("[".repeat(2000) + "]".repeat(2000));
            case 4 -> text("{\"event\":\"typing\",\"data\":{\"to\":" + random.nextInt() + "}}");
            case 5 -> text("{\"event\":\"keepalive\"}");
            case 6 -> SoakConnection.frame(1, badUtf8()); // a text frame that is not UTF-8
            case 7 -> SoakConnection.frame(2, bytes(random.nextInt(500)));
            default -> text("{\"event\":\"chat_say\",\"data\":{\"text\":\"" + "z".repeat(70 * 1024) + "\"}}"); // past 64 KiB
        };
    }

    private byte[] text(String json) {
        return SoakConnection.frame(1, json.getBytes(UTF_8));
    }

    private String cut(String json) {
        return json.substring(0, random.nextInt(json.length()));
    }

    private byte[] badUtf8() {
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        return concat(bytes(random.nextInt(10)), bad);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
