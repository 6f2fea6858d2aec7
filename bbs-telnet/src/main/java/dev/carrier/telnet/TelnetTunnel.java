package dev.carrier.telnet;

import dev.carrier.terminal.TerminalHost;
import io.netty.channel.ChannelPipeline;
import java.util.Objects;

/**
 * Telnet inside another protocol: the web transport's {@code /telnet} WebSocket, which BBS web
 * clients (fTelnet, VTX) speak. The same codec, option negotiator and session bridge as a telnet
 * socket run above a handler that turns frames into bytes and back; the carrier names the
 * transport and the client's address, which may come from a trusted proxy's headers.
 */
public final class TelnetTunnel {

    private TelnetTunnel() {}

    /**
     * Appends the telnet handlers to the end of {@code pipeline}. The handler below them must pass
     * {@link io.netty.buffer.ByteBuf}s both ways and, since the channel is already active, fire
     * {@code channelActive} from its own context once they are in place: that starts negotiation.
     */
    public static void install(ChannelPipeline pipeline, TelnetConfig config, TerminalHost host,
                               String transport, String remoteAddress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        TelnetChannelInitializer.addTelnetHandlers(pipeline,
                new TelnetSessionHandler(config, host, transport, remoteAddress));
    }
}
