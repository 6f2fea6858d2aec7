package dev.carrier.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One bench caller over telnet: refuses every telnet option (so the server opens the session at
 * once and does not echo), logs in, optionally enters chat, and then records the arrival of every
 * bench line ({@code <benchN> T <nanos> <sender> <seq>}).
 */
final class BenchClient extends LoadCaller {

    private static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;

    private enum Step { LOGIN, PASSWORD, MENU, ENTERING_CHAT, JOINING_ROOM, READY }

    private enum Telnet { DATA, IAC, VERB, SB, SB_IAC }

    private final String handle;
    private final boolean enterChat;
    /** The room to join after entering chat; null for the lobby. */
    private final String room;
    private final StringBuilder text = new StringBuilder();
    private final byte[] line = new byte[1024];
    private int lineLength;
    private Step step = Step.LOGIN;
    private Telnet telnet = Telnet.DATA;
    private int verb;

    BenchClient(String handle, boolean enterChat, String room, CountDownLatch ready, Latencies latencies) {
        super("> T ", ready, latencies);
        this.handle = handle;
        this.enterChat = enterChat;
        this.room = room;
    }

    @Override
    protected String frame(String benchLine) {
        return benchLine + "\r\n";
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
                arrived(line, lineLength, now);
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
                    sendNow(ctx, "/join " + room + "\r\n");
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
        sendNow(ctx, answer);
    }

    private void becomeReady() {
        step = Step.READY;
        text.setLength(0);
        markReady();
    }
}
