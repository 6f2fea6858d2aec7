package dev.carrier.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What every bench caller does whatever the server speaks: it counts down {@code ready} once it
 * is in the room, sends bench lines carrying their send time ({@code T <nanoTime> <sender>
 * <seq>}) in bursts or paced, and records the arrival of every bench line it receives. A
 * protocol says how a line is framed going out ({@link #frame}) and where the send time sits in
 * a received line ({@code mark}, the bytes just before it).
 */
abstract class LoadCaller extends ChannelInboundHandlerAdapter {

    private static final byte[] MISSED = "*** Missed ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] mark;
    private final CountDownLatch ready;
    private final Latencies latencies;
    private ChannelHandlerContext context;
    private volatile long missedNotices;
    private volatile boolean in;
    private volatile boolean turnedAway;
    /** With several servers: where a line from sender {@code s} is counted besides the total (its hop's share). */
    private IntFunction<Latencies> bySender;

    LoadCaller(String mark, CountDownLatch ready, Latencies latencies) {
        this.mark = mark.getBytes(StandardCharsets.US_ASCII);
        this.ready = ready;
        this.latencies = latencies;
    }

    /** The bench line as this protocol sends it to the room, line end included. */
    protected abstract String frame(String benchLine);

    /** Also counts each line in {@code bySender.apply(sender)}; set before the caller connects. */
    LoadCaller alsoBySender(IntFunction<Latencies> bySender) {
        this.bySender = bySender;
        return this;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
    }

    protected final void markReady() {
        in = true;
        ready.countDown();
    }

    /** Whether the server hung up before this caller got in (it was refused, say, with every node busy). */
    boolean turnedAway() {
        return turnedAway;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!in) turnedAway = true;
    }

    protected final void sendNow(ChannelHandlerContext ctx, String text) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    /** A whole line received once in the room: a bench line is recorded, anything else is not. */
    protected final void arrived(byte[] line, int length, long now) {
        int at = indexOf(line, length, mark);
        if (at < 0) {
            if (indexOf(line, length, MISSED) >= 0) missedNotices++;
            return;
        }
        int i = at + mark.length;
        long sent = 0;
        for (; i < length && line[i] >= '0' && line[i] <= '9'; i++) sent = sent * 10 + (line[i] - '0');
        latencies.record(sent, now);
        if (bySender == null) return;
        int sender = 0;
        for (i++; i < length && line[i] >= '0' && line[i] <= '9'; i++) sender = sender * 10 + (line[i] - '0');
        bySender.apply(sender).record(sent, now);
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
        String text = frame("T " + System.nanoTime() + " " + senderIndex + " " + seq);
        context.write(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
