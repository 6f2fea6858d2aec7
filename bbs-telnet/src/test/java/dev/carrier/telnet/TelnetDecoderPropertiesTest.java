package dev.carrier.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The decoder takes any bytes in any pieces: it never throws, keeps little, and agrees with itself. */
class TelnetDecoderPropertiesTest {

    private static final int MAX_SB = 16;

    /** Bytes rich in telnet's own: IAC, SB, SE, the verbs and the commands, among any others. */
    @Provide
    Arbitrary<byte[]> telnetBytes() {
        Arbitrary<Integer> special = Arbitraries.of(Telnet.IAC, Telnet.SB, Telnet.SE, Telnet.WILL, Telnet.WONT,
                Telnet.DO, Telnet.DONT, Telnet.AYT, Telnet.NOP, Telnet.IP, Telnet.GA, 24, 31, 1, 0, 13, 10);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 255);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, special),
                        net.jqwik.api.Tuple.of(2, any))
                .list().ofMaxSize(200)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (int) list.get(i);
                    return bytes;
                });
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 200).list().ofMaxSize(20);
    }

    private static List<TelnetMessage> decodeInPieces(byte[] bytes, List<Integer> cuts) {
        TelnetDecoder decoder = new TelnetDecoder(MAX_SB);
        List<Object> out = new ArrayList<>();
        int from = 0;
        for (int cut : new TreeSet<>(cuts)) {
            int to = Math.min(cut, bytes.length);
            if (to <= from) continue;
            feed(decoder, bytes, from, to, out);
            from = to;
        }
        feed(decoder, bytes, from, bytes.length, out);
        return joinData(out);
    }

    private static void feed(TelnetDecoder decoder, byte[] bytes, int from, int to, List<Object> out) {
        ByteBuf piece = Unpooled.wrappedBuffer(bytes, from, to - from);
        try {
            decoder.decode(piece, out);
            assertEquals(0, piece.readableBytes(), "the decoder left bytes unread");
        } finally {
            piece.release();
        }
    }

    /** Data runs end wherever a read ended; what a user typed is the same bytes either way. */
    private static List<TelnetMessage> joinData(List<Object> decoded) {
        List<TelnetMessage> joined = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (Object o : decoded) {
            if (o instanceof TelnetMessage.Data data) {
                run.writeBytes(data.bytes());
                continue;
            }
            if (run.size() > 0) {
                joined.add(new TelnetMessage.Data(run.toByteArray()));
                run.reset();
            }
            joined.add((TelnetMessage) o);
        }
        if (run.size() > 0) joined.add(new TelnetMessage.Data(run.toByteArray()));
        return joined;
    }

    @Property(tries = 1000)
    void theSameMessagesComeOutWhereverTheInputIsSplit(@ForAll("telnetBytes") byte[] bytes,
            @ForAll("cuts") List<Integer> cuts) {
        assertEquals(decodeInPieces(bytes, List.of()), decodeInPieces(bytes, cuts));
    }

    @Property(tries = 1000)
    void byteAtATimeIsTheSameAsAllAtOnce(@ForAll("telnetBytes") byte[] bytes) {
        List<Integer> everyByte = new ArrayList<>();
        for (int i = 1; i < bytes.length; i++) everyByte.add(i);
        assertEquals(decodeInPieces(bytes, List.of()), decodeInPieces(bytes, everyByte));
    }

    @Property(tries = 1000)
    void noSubnegotiationOutgrowsTheBound(@ForAll("telnetBytes") byte[] bytes, @ForAll("cuts") List<Integer> cuts) {
        for (TelnetMessage message : decodeInPieces(bytes, cuts)) {
            if (message instanceof TelnetMessage.Subnegotiation sb) {
                assertTrue(sb.payload().length <= MAX_SB, "payload of " + sb.payload().length);
            }
        }
    }

    @Property(tries = 1000)
    void bytesWithoutIacAreDataUnchanged(@ForAll("telnetBytes") byte[] raw, @ForAll("cuts") List<Integer> cuts) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (byte b : raw) if (b != (byte) Telnet.IAC) plain.write(b);
        byte[] bytes = plain.toByteArray();
        List<TelnetMessage> decoded = decodeInPieces(bytes, cuts);
        if (bytes.length == 0) {
            assertEquals(List.of(), decoded);
        } else {
            assertEquals(1, decoded.size());
            assertArrayEquals(bytes, ((TelnetMessage.Data) decoded.get(0)).bytes());
        }
    }

    @Property(tries = 1000)
    void anEndlessSubnegotiationKeepsNothingAndEndsAtIacSe(@ForAll("telnetBytes") byte[] noise) {
        TelnetDecoder decoder = new TelnetDecoder(MAX_SB);
        List<Object> out = new ArrayList<>();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(new byte[] {(byte) Telnet.IAC, (byte) Telnet.SB, 24});
        for (int i = 0; i < 100; i++) {
            for (byte b : noise) if (b != (byte) Telnet.IAC) input.write(b);
        }
        input.writeBytes(new byte[] {(byte) Telnet.IAC, (byte) Telnet.SE, 'x'});
        byte[] bytes = input.toByteArray();
        feed(decoder, bytes, 0, bytes.length, out);
        List<TelnetMessage> messages = joinData(out);
        TelnetMessage last = messages.get(messages.size() - 1);
        assertEquals(new TelnetMessage.Data(new byte[] {'x'}), last);
        assertTrue(messages.stream().noneMatch(m -> m instanceof TelnetMessage.Subnegotiation sb
                && sb.payload().length > MAX_SB));
    }
}
