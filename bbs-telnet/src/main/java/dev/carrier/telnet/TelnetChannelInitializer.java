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

    TelnetChannelInitializer(TelnetConfig config, TerminalHost host) {
        this.config = config;
        this.host = host;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addFirst(OutputGuard.NAME, new OutputGuard(config.output())); // every write passes it
        addTelnetHandlers(ch.pipeline(), new TelnetSessionHandler(config, host));
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
