package dev.carrier.telnet;

import io.netty.channel.CombinedChannelDuplexHandler;

/**
 * Bytes in both directions as {@link TelnetMessage}s: a {@link TelnetDecoder} for what the
 * client sends and a {@link TelnetEncoder} for negotiation the server sends. One per channel,
 * because the decoder keeps the state of sequences split across reads.
 */
final class TelnetCodec extends CombinedChannelDuplexHandler<TelnetDecoder, TelnetEncoder> {

    public TelnetCodec() {
        this(TelnetDecoder.DEFAULT_MAX_SUBNEGOTIATION);
    }

    public TelnetCodec(int maxSubnegotiation) {
        super(new TelnetDecoder(maxSubnegotiation), new TelnetEncoder());
    }
}
