package dev.carrier.netty;

import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInput;
import io.netty.channel.ChannelHandlerContext;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a transport's handler does for the engine's session, the same for every transport: opens
 * the session on a {@link ChannelTerminal}, hands it typed text through {@link HeldInput} (a few
 * keystrokes at a time, only while the output drains), resizes, passes writability on to the
 * terminal and the held input, and tells the session of the hang-up exactly once.
 *
 * <p>The handler decodes its protocol into text and sizes and calls in here. One per channel,
 * used on its event loop only.
 */
public final class SessionBridge {

    private static final Logger log = LoggerFactory.getLogger(SessionBridge.class);

    static final String INPUT_HELD = "input held";

    private final ChannelTerminal terminal;
    private final HeldInput held;
    private TerminalInput input; // null until the session is open
    private boolean hungUp;

    public SessionBridge(ChannelTerminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.held = new HeldInput(terminal, text -> input.onText(text), new HeldInput.Reading() {
            @Override
            public void hold() {
                if (terminal.channel().isActive()) ReadSuspensions.of(terminal.channel()).suspend(INPUT_HELD);
            }

            @Override
            public void release() {
                if (terminal.channel().isActive()) ReadSuspensions.of(terminal.channel()).resume(INPUT_HELD);
            }
        });
    }

    /**
     * Hands the terminal to the engine. When the engine fails to take it the connection is closed
     * and the answer is false.
     */
    public boolean open(ChannelHandlerContext ctx, TerminalHost host) {
        TerminalInput session;
        try {
            session = host.open(terminal);
        } catch (RuntimeException e) {
            log.error("{}: the engine could not open a session; closing", terminal.info().remoteAddress(), e);
            ctx.close();
            return false;
        }
        input = session != null ? session : TerminalInput.IGNORED;
        if (log.isDebugEnabled()) log.debug("{}: session opened: {}", terminal.info().remoteAddress(), terminal.info());
        return true;
    }

    /** Whether the session is open, so typed text and resizes reach it. */
    public boolean isOpen() {
        return input != null;
    }

    /** Typed text for the open session: passed on as far as the output allows, the rest held. */
    public void type(CharSequence text) {
        if (text.length() > 0) held.add(text);
    }

    /** A new window size; the open session hears of it when it changed. */
    public void resize(int columns, int rows) {
        if (terminal.resize(columns, rows) && input != null) {
            input.onResize(terminal.info().columns(), terminal.info().rows());
        }
    }

    /** From the handler's {@code channelWritabilityChanged}: held keystrokes wait on the terminal's drain too. */
    public void writabilityChanged() {
        terminal.writabilityChanged();
    }

    /** From the handler's {@code channelInactive}: the terminal lets go, and the session hears the hang-up once. */
    public void closed() {
        held.clear();
        terminal.closed();
        if (input != null && !hungUp) {
            hungUp = true;
            input.onHangup();
        }
    }
}
