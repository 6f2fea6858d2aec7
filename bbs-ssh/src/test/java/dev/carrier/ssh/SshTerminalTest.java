package dev.carrier.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.netty.OutputLimits;
import dev.carrier.terminal.TerminalInfo;
import io.netty.channel.DefaultEventLoop;
import java.io.ByteArrayOutputStream;
import java.nio.channels.WritePendingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.channel.IoWriteFutureImpl;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.future.SshFutureListener;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SshTerminalTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final ChannelStream stream = new ChannelStream();
    private final List<String> aborts = new CopyOnWriteArrayList<>();
    private final SshTerminal terminal = new SshTerminal(stream, loop,
            new TerminalInfo("ssh", "127.0.0.1", "xterm", 80, 24, StandardCharsets.UTF_8), false,
            OutputLimits.defaults(), new SshTerminal.Hangup() {
                @Override
                public void finished() {}

                @Override
                public void abort(String why) {
                    aborts.add(why);
                }
            });

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /**
     * A drain waiter (a chat reader catching up) that writes more than one SSH write holds, as the
     * previous write completes: the output goes out in order, one write at a time, as MINA's
     * channel stream demands, and the caller is not hung up on.
     */
    @Test
    void aDrainWaiterWritingSeveralPiecesNeverStartsASecondWriteWhileOneIsPending() throws Exception {
        String first = "a".repeat(SshTerminal.HIGH_WATER + 6 * 1024);
        String catchUp = "b".repeat(30 * 1024) + "c".repeat(30 * 1024);
        loop.submit(() -> {
            terminal.write(first);
            assertTrue(!terminal.isWritable(), "more than the high water mark waits");
            terminal.whenWritable(() -> {
                terminal.write(catchUp.substring(0, 30 * 1024));
                terminal.write(catchUp.substring(30 * 1024));
            });
        }).get(5, TimeUnit.SECONDS);

        int expected = first.length() + catchUp.length();
        while (stream.written.size() < expected) {
            assertTrue(aborts.isEmpty(), "hung up on: " + aborts);
            assertTrue(stream.completeNext(), "no write was issued; hung up on: " + aborts);
        }
        assertTrue(aborts.isEmpty(), "hung up on: " + aborts);
        assertEquals(first + catchUp, stream.written.toString(StandardCharsets.UTF_8));
    }

    /** MINA's asynchronous channel stream, reduced to what the terminal relies on: one write at a time. */
    private static final class ChannelStream implements IoOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final AtomicReference<IoWriteFutureImpl> pending = new AtomicReference<>();
        private final BlockingQueue<IoWriteFutureImpl> issued = new LinkedBlockingQueue<>();

        @Override
        public IoWriteFuture writeBuffer(Buffer buffer) {
            IoWriteFutureImpl future = new IoWriteFutureImpl(this, buffer);
            if (!pending.compareAndSet(null, future)) throw new WritePendingException();
            issued.add(future);
            return future;
        }

        /** The client's window opened: the pending write leaves; false when none was issued in time. */
        boolean completeNext() throws InterruptedException {
            IoWriteFutureImpl next = issued.poll(5, TimeUnit.SECONDS);
            if (next == null) return false;
            Buffer buffer = next.getBuffer();
            synchronized (written) {
                written.write(buffer.array(), buffer.rpos(), buffer.available());
            }
            pending.set(null);
            next.setValue(Boolean.TRUE);
            return true;
        }

        @Override
        public CloseFuture close(boolean immediately) {
            DefaultCloseFuture closed = new DefaultCloseFuture(this, this);
            closed.setClosed();
            return closed;
        }

        @Override
        public void addCloseFutureListener(SshFutureListener<CloseFuture> listener) {}

        @Override
        public void removeCloseFutureListener(SshFutureListener<CloseFuture> listener) {}

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public boolean isClosing() {
            return false;
        }
    }
}
