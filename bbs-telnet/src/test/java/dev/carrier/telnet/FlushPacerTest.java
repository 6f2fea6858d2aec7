package dev.carrier.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output leaves when the loop gets to it: no fixed wait, and what is already waiting goes along. */
class FlushPacerTest {

    /**
     * The socket's end of the pipeline: the buffers written, and what had been flushed at each flush.
     * It keeps writes from reaching EmbeddedChannel's own head, which runs pending tasks at
     * every write, unlike a real channel.
     */
    private static final class Socket extends ChannelOutboundHandlerAdapter {
        final StringBuilder written = new StringBuilder();
        final List<String> flushed = new ArrayList<>();
        int buffers;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf buf = (ByteBuf) msg;
            written.append(buf.toString(StandardCharsets.US_ASCII));
            buffers++;
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
        assertEquals(1, socket.buffers, "the lines travel in one buffer, not one each");

        write(channel, pacer, "next\r\n");
        channel.runPendingTasks();
        assertEquals(List.of(burst.toString(), "next\r\n"), socket.flushed, "a later write gets its own flush at once");
    }

    @Test
    void aBurstIsHandedToTheChannelWhenItWouldPassTheHighWaterMarkSoBackPressureSeesIt() {
        Socket socket = new Socket();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 2048));
        FlushPacer pacer = new FlushPacer(channel);
        String line = "x".repeat(99) + "\n";
        int lines = 50; // 5,000 bytes against a 2,048-byte high mark
        for (int i = 0; i < lines; i++) write(channel, pacer, line);
        assertTrue(socket.buffers >= 2, "handed over while gathering: " + socket.buffers);
        assertTrue(socket.flushed.isEmpty(), "but not flushed before the loop gets to it");
        channel.runPendingTasks();
        assertEquals(List.of(line.repeat(lines)), socket.flushed);
    }

    private static void write(EmbeddedChannel channel, FlushPacer pacer, String text) {
        pacer.send(text.getBytes(StandardCharsets.US_ASCII));
    }

}
