package dev.carrier.telnet;

import dev.carrier.terminal.TerminalHost;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

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
        ch.pipeline()
                .addLast("telnet", new TelnetCodec())                      // bytes <-> TelnetMessage
                .addLast("options", new OptionNegotiator())                // ECHO, SGA, NAWS, TTYPE, NEW-ENVIRON, BINARY
                .addLast("session", new TelnetSessionHandler(config, host)); // keystrokes in, terminal out
    }
}
