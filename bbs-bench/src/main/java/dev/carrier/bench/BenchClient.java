package dev.carrier.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One bench caller: refuses every telnet option (so the server opens the session at once and
 * does not echo), logs in, optionally enters chat, and then records the arrival of every bench
 * line. Lines it sends carry their send time: {@code T <nanoTime> <sender> <seq>}.
 */
final class BenchClient extends ChannelInboundHandlerAdapter {

    private static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
    private static final byte[] MARK = "> T ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MISSED = "*** Missed ".getBytes(StandardCharsets.US_ASCII);

    private enum Step { LOGIN, PASSWORD, MENU, ENTERING_CHAT, JOINING_ROOM, READY }

    private enum Telnet { DATA, IAC, VERB, SB, SB_IAC }

    private final String handle;
    private final boolean enterChat;
    /** The room to join after entering chat; null for the lobby. */
    private final String room;
    private final CountDownLatch ready;
    private final Latencies latencies;
    private final StringBuilder text = new StringBuilder();
    private final byte[] line = new byte[1024];
    private int lineLength;
    private Step step = Step.LOGIN;
    private Telnet telnet = Telnet.DATA;
    private int verb;
    private ChannelHandlerContext context;
    private volatile long missedNotices;

    BenchClient(String handle, boolean enterChat, String room, CountDownLatch ready, Latencies latencies) {
        this.handle = handle;
        this.enterChat = enterChat;
        this.room = room;
        this.ready = ready;
        this.latencies = latencies;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        long now = System.nanoTime();
        try {
            while (in.isReadable()) data(ctx, in.readByte() & 0xff, now);
        } finally {
            in.release();
        }
    }

    private void data(ChannelHandlerContext ctx, int b, long now) {
        switch (telnet) {
            case DATA -> {
                if (b == IAC) telnet = Telnet.IAC;
                else character(ctx, b, now);
            }
            case IAC -> {
                if (b == IAC) {
                    telnet = Telnet.DATA;
                    character(ctx, b, now);
                } else if (b >= WILL && b <= DONT) {
                    verb = b;
                    telnet = Telnet.VERB;
                } else {
                    telnet = b == SB ? Telnet.SB : Telnet.DATA;
                }
            }
            case VERB -> {
                if (verb == DO) reply(ctx, WONT, b);
                if (verb == WILL) reply(ctx, DONT, b);
                telnet = Telnet.DATA;
            }
            case SB -> telnet = b == IAC ? Telnet.SB_IAC : Telnet.SB;
            case SB_IAC -> telnet = b == SE ? Telnet.DATA : Telnet.SB;
        }
    }

    private void reply(ChannelHandlerContext ctx, int answer, int option) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) answer, (byte) option}));
    }

    private void character(ChannelHandlerContext ctx, int b, long now) {
        if (step == Step.READY) {
            if (b == '\n') {
                arrived(now);
                lineLength = 0;
            } else if (lineLength < line.length) {
                line[lineLength++] = (byte) b;
            }
            return;
        }
        text.append((char) b);
        switch (step) {
            case LOGIN -> expect(ctx, "login: ", handle + "\r\n", Step.PASSWORD);
            case PASSWORD -> expect(ctx, "password: ", UserSeeder.PASSWORD + "\r\n", Step.MENU);
            case MENU -> {
                // A busy server sends the caller back to the login prompt: call again, as a person would.
                if (text.indexOf("login: ") >= 0) {
                    step = Step.LOGIN;
                    expect(ctx, "login: ", handle + "\r\n", Step.PASSWORD);
                    return;
                }
                if (!enterChat) {
                    if (text.indexOf("Main menu: ") >= 0) becomeReady();
                } else {
                    expect(ctx, "Main menu: ", "c", Step.ENTERING_CHAT);
                }
            }
            case ENTERING_CHAT -> {
                if (text.indexOf("Welcome to chat") < 0) return;
                if (room == null) {
                    becomeReady();
                } else {
                    text.setLength(0);
                    step = Step.JOINING_ROOM;
                    ctx.writeAndFlush(Unpooled.copiedBuffer("/join " + room + "\r\n", StandardCharsets.US_ASCII));
                }
            }
            case JOINING_ROOM -> {
                if (text.indexOf("*** You are in #" + room) >= 0) becomeReady();
            }
            default -> { }
        }
        if (text.length() > 4096) text.delete(0, 2048);
    }

    private void expect(ChannelHandlerContext ctx, String prompt, String answer, Step next) {
        if (text.indexOf(prompt) < 0) return;
        text.setLength(0);
        step = next;
        ctx.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII));
    }

    private void becomeReady() {
        step = Step.READY;
        text.setLength(0);
        ready.countDown();
    }

    /** A bench line: {@code <benchN> T <nanos> <sender> <seq>}; anything else is not counted. */
    private void arrived(long now) {
        int at = indexOf(line, lineLength, MARK);
        if (at < 0) {
            if (indexOf(line, lineLength, MISSED) >= 0) missedNotices++;
            return;
        }
        long sent = 0;
        for (int i = at + MARK.length; i < lineLength; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') break;
            sent = sent * 10 + (c - '0');
        }
        latencies.record(sent, now);
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    long missedNotices() {
        return missedNotices;
    }

    /** Sends {@code lines} bench lines, paced at {@code perSecond} (0: all at once). */
    void send(int senderIndex, int lines, double perSecond) {
        context.executor().execute(() -> sendNext(senderIndex, 0, lines, perSecond));
    }

    private void sendNext(int senderIndex, int seq, int lines, double perSecond) {
        if (seq >= lines || !context.channel().isActive()) return;
        if (perSecond <= 0) {
            for (int i = seq; i < lines; i++) write(senderIndex, i);
            context.flush();
            return;
        }
        write(senderIndex, seq);
        context.flush();
        long gap = (long) (1_000_000_000L / perSecond);
        context.executor().schedule(() -> sendNext(senderIndex, seq + 1, lines, perSecond), gap, TimeUnit.NANOSECONDS);
    }

    private void write(int senderIndex, int seq) {
        String text = "T " + System.nanoTime() + " " + senderIndex + " " + seq + "\r\n";
        context.write(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
