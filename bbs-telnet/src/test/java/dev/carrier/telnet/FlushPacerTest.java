package dev.carrier.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output leaves when the loop gets to it: no fixed wait, and what is already waiting goes along. */
class FlushPacerTest {

    /**
     * The socket's end of the pipeline: what was written, and what had been flushed at each flush.
     * It keeps writes from reaching EmbeddedChannel's own head, which runs pending tasks at
     * every write, unlike a real channel.
     */
    private static final class Socket extends ChannelOutboundHandlerAdapter {
        final StringBuilder written = new StringBuilder();
        final List<String> flushed = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf buf = (ByteBuf) msg;
            written.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushed.add(written.toString());
            written.setLength(0);
        }
    }

    @Test
    void aLoneWriteLeavesAsSoonAsTheLoopFinishesItsTaskWithNoWindow() {
        Socket socket = new Socket();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        FlushPacer pacer = new FlushPacer(channel);
        write(channel, pacer, "prompt: ");
        assertTrue(socket.flushed.isEmpty(), "nothing leaves in the middle of the task that wrote it");
        channel.runPendingTasks(); // no scheduled (delayed) task: only what is queued now
        assertEquals(List.of("prompt: "), socket.flushed);
    }

    @Test
    void linesWrittenBeforeTheLoopGetsToTheConnectionShareOneFlush() {
        Socket socket = new Socket();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        FlushPacer pacer = new FlushPacer(channel);
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            write(channel, pacer, "line " + i + "\r\n");
            burst.append("line ").append(i).append("\r\n");
        }
        channel.runPendingTasks();
        assertEquals(List.of(burst.toString()), socket.flushed);

        write(channel, pacer, "next\r\n");
        channel.runPendingTasks();
        assertEquals(List.of(burst.toString(), "next\r\n"), socket.flushed, "a later write gets its own flush at once");
    }

    private static void write(EmbeddedChannel channel, FlushPacer pacer, String text) {
        channel.pipeline().write(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), channel.voidPromise());
        pacer.written();
    }

}
