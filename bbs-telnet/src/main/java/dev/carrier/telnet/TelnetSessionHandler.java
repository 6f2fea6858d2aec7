package dev.carrier.telnet;

import dev.carrier.netty.PeerIp;
import dev.carrier.netty.SessionBridge;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInfo;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges one telnet connection to the engine: makes its {@link TelnetTerminal}, opens the session
 * once negotiation has settled, and feeds it keystrokes, resizes and the hang-up.
 *
 * <p>Negotiation settles when the client reports its terminal type or refuses to, or when
 * {@link TelnetConfig#negotiationTimeout()} passes (a client like netcat answers nothing). The
 * type picks the charset, so keystrokes that arrive earlier are kept as bytes, a few KiB at most,
 * and decoded once the charset is known.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class TelnetSessionHandler extends ChannelInboundHandlerAdapter {

    /** Type-ahead kept before the session opens; more than a user types in a second or two. */
    static final int MAX_EARLY_INPUT = 4096;

    private static final Logger log = LoggerFactory.getLogger(TelnetSessionHandler.class);

    private final TelnetConfig config;
    private final TerminalHost host;
    private final String transport;
    private final String remoteAddress; // null: the socket's peer
    private TelnetTerminal terminal;
    private SessionBridge session;
    private ScheduledFuture<?> negotiationTimer;
    private ByteArrayOutputStream earlyInput = new ByteArrayOutputStream();
    private InputDecoder decoder;
    private boolean opened;
    private boolean sawWindowSize;

    TelnetSessionHandler(TelnetConfig config, TerminalHost host) {
        this(config, host, "telnet", null);
    }

    /**
     * For telnet carried inside another protocol (see {@link TelnetTunnel}): the carrier names the
     * transport and knows the client's address, which may not be the socket's peer (a proxy).
     */
    TelnetSessionHandler(TelnetConfig config, TerminalHost host, String transport, String remoteAddress) {
        this.config = config;
        this.host = host;
        this.transport = transport;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String address = remoteAddress != null ? remoteAddress : PeerIp.of(ctx.channel().remoteAddress());
        TerminalInfo info = new TerminalInfo(transport, address, "unknown",
                TerminalInfo.DEFAULT_COLUMNS, TerminalInfo.DEFAULT_ROWS, StandardCharsets.UTF_8);
        terminal = new TelnetTerminal(ctx.channel(), info);
        session = new SessionBridge(terminal);
        negotiationTimer = ctx.executor().schedule(() -> {
            try {
                open(ctx);
            } catch (RuntimeException e) {
                exceptionCaught(ctx, e); // as if it had happened on a read: log and close
            }
        }, config.negotiationTimeout().toNanos(), TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TelnetMessage.Data data) {
            onData(data.bytes());
        } else if (msg instanceof TelnetEvent event) {
            onEvent(ctx, event);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onData(byte[] bytes) {
        if (!session.isOpen()) {
            int room = MAX_EARLY_INPUT - earlyInput.size();
            if (room > 0) earlyInput.write(bytes, 0, Math.min(room, bytes.length));
            return;
        }
        deliver(bytes);
    }

    private void deliver(byte[] bytes) {
        if (decoder == null || !decoder.charset().equals(terminal.info().charset())) {
            decoder = new InputDecoder(terminal.info().charset()); // the user switched charset
        }
        session.type(decoder.decode(bytes));
    }

    private void onEvent(ChannelHandlerContext ctx, TelnetEvent event) {
        if (event instanceof TelnetEvent.TerminalType type) {
            onTerminalType(type.name());
            open(ctx);
        } else if (event instanceof TelnetEvent.TerminalTypeRefused) {
            open(ctx);
        } else if (event instanceof TelnetEvent.WindowSize size) {
            sawWindowSize = true;
            session.resize(size.columns(), size.rows());
        } else if (event instanceof TelnetEvent.Environment env) {
            onEnvironment(env.variables());
        } else if (event instanceof TelnetEvent.ServerEcho echo) {
            terminal.setServerEchoes(echo.enabled());
        }
    }

    private void onTerminalType(String type) {
        terminal.setType(type);
        // A type that arrives after the session opened still picks the charset, unless the user
        // chose one; that is the slow link's chance to get CP437 after all.
        terminal.chooseCharset(config.charsetFor(type));
    }

    /** NEW-ENVIRON fills in what TTYPE and NAWS did not tell. */
    private void onEnvironment(Map<String, String> variables) {
        String term = variables.get("TERM");
        if (term != null && !term.isBlank() && "unknown".equals(terminal.info().type())) {
            onTerminalType(term.trim().toLowerCase(Locale.ROOT));
        }
        if (!sawWindowSize) {
            int columns = parseDimension(variables.get("COLUMNS"));
            int rows = parseDimension(variables.getOrDefault("ROWS", variables.get("LINES")));
            if (columns > 0 || rows > 0) {
                TerminalInfo info = terminal.info();
                session.resize(columns > 0 ? columns : info.columns(), rows > 0 ? rows : info.rows());
            }
        }
    }

    /** Negotiation has settled (or timed out): pick the charset and start the session. */
    private void open(ChannelHandlerContext ctx) {
        if (opened || !ctx.channel().isActive()) return;
        opened = true;
        if (negotiationTimer != null) negotiationTimer.cancel(false);
        terminal.chooseCharset(config.charsetFor(terminal.info().type()));
        decoder = new InputDecoder(terminal.info().charset());
        if (!session.open(ctx, host)) return;
        byte[] early = earlyInput.toByteArray();
        earlyInput = null;
        if (early.length > 0) deliver(early);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null) session.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (negotiationTimer != null) negotiationTimer.cancel(false);
        if (session != null) session.closed();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String who = terminal != null ? terminal.info().remoteAddress() : String.valueOf(ctx.channel().remoteAddress());
        if (cause instanceof IOException) {
            log.debug("{}: connection error, closing: {}", who, cause.toString()); // resets are routine
        } else {
            log.warn("{}: closing the connection after an error", who, cause);
        }
        ctx.close();
    }

    private static int parseDimension(String value) {
        if (value == null) return 0;
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? Math.min(n, OptionNegotiator.MAX_DIMENSION) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
