package dev.carrier.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One bench caller over IRC, enough of RFC 2812 for a reference server: registers (NICK, USER),
 * joins the room once welcomed (001), is in the room at the end of the names list (366), answers
 * PING with PONG, sends bench lines as PRIVMSG and records every one it receives
 * ({@code :nick!user@host PRIVMSG #room :T <nanos> <sender> <seq>}). An IRC server does not echo
 * a line to its sender, unlike Carrier's room.
 */
final class IrcClient extends LoadCaller {

    static final String ROOM = "#lobby";

    private static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);

    private final String nick;
    private final String channel;
    private final byte[] line = new byte[1024];
    private int lineLength;
    private boolean inRoom;

    IrcClient(String nick, String channel, CountDownLatch ready, Latencies latencies) {
        super(" :T ", ready, latencies);
        this.nick = nick;
        this.channel = channel;
    }

    @Override
    protected String frame(String benchLine) {
        return "PRIVMSG " + channel + " :" + benchLine + "\r\n";
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        super.channelActive(ctx);
        sendNow(ctx, "NICK " + nick + "\r\nUSER " + nick + " 0 * :Carrier bench\r\n");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        long now = System.nanoTime();
        try {
            while (in.isReadable()) {
                byte b = in.readByte();
                if (b == '\n') {
                    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                    lineLength = 0;
                    received(ctx, length, now);
                } else if (lineLength < line.length) {
                    line[lineLength++] = b;
                }
            }
        } finally {
            in.release();
        }
    }

    private void received(ChannelHandlerContext ctx, int length, long now) {
        if (startsWith(PING, length)) {
            sendNow(ctx, "PONG" + new String(line, PING.length, length - PING.length, StandardCharsets.US_ASCII) + "\r\n");
            return;
        }
        if (inRoom) {
            arrived(line, length, now);
            return;
        }
        String text = new String(line, 0, length, StandardCharsets.US_ASCII);
        String[] words = text.split(" ", 4);
        if (words.length < 2) return;
        switch (words[1]) {
            case "001" -> sendNow(ctx, "JOIN " + channel + "\r\n");
            case "366" -> {
                inRoom = true;
                markReady();
            }
            case "433", "432" -> ctx.close(); // the nick is taken or refused: this caller cannot take part
            default -> { }
        }
    }

    private boolean startsWith(byte[] prefix, int length) {
        if (length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) return false;
        }
        return true;
    }
}
