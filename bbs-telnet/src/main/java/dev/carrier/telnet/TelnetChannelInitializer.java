package dev.carrier.telnet;

import dev.carrier.netty.OutputGuard;
import dev.carrier.terminal.TerminalHost;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * A telnet connection's pipeline, top to bottom: bytes to telnet messages and back, option
 * negotiation, and the bridge to the engine's session.
 */
final class TelnetChannelInitializer extends ChannelInitializer<Channel> {

    private final TelnetConfig config;
    private final TerminalHost host;
    private final String transport;

    TelnetChannelInitializer(TelnetConfig config, TerminalHost host) {
        this(config, host, "telnet");
    }

    /** @param transport what the who list shows: {@code telnet}, or {@code telnets} behind TLS */
    TelnetChannelInitializer(TelnetConfig config, TerminalHost host, String transport) {
        this.config = config;
        this.host = host;
        this.transport = transport;
    }

    @Override
    protected void initChannel(Channel ch) {
        // Added last: behind TLS the SslHandler stays below, every plain write still passes the guard.
        ch.pipeline().addLast(OutputGuard.NAME, new OutputGuard(config.output()));
        addTelnetHandlers(ch.pipeline(), new TelnetSessionHandler(config, host, transport, null));
        ch.pipeline().addBefore("session", "keepalive", new TelnetKeepalive(config.keepaliveInterval()));
    }

    /** The same stack for a telnet socket and for telnet inside a WebSocket ({@link TelnetTunnel}). */
    static void addTelnetHandlers(ChannelPipeline pipeline, TelnetSessionHandler session) {
        pipeline
                .addLast("telnet", new TelnetCodec())                      // bytes <-> TelnetMessage
                .addLast("options", new OptionNegotiator())                // ECHO, SGA, NAWS, TTYPE, NEW-ENVIRON, BINARY
                .addLast("session", session);                              // keystrokes in, terminal out
    }
}
