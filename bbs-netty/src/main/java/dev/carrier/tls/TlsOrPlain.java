package dev.carrier.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One port for TLS and for plain clients told to use it: from a connection's first bytes, a TLS
 * record gets the {@code SslHandler} and {@code ifTls} behind it; anything else gets
 * {@code ifPlain} (the web's redirect to https). The first bytes must come within the
 * handshake timeout.
 */
public final class TlsOrPlain extends ByteToMessageDecoder {

    public static final String NAME = "tlsOrPlain";
    /** A TLS record header: content type, version, length. */
    private static final int HEADER_BYTES = 5;

    private final TlsContext tls;
    private final String nextName;
    private final ChannelHandler ifTls;
    private final ChannelHandler ifPlain;

    public TlsOrPlain(TlsContext tls, String nextName, ChannelHandler ifTls, ChannelHandler ifPlain) {
        this.tls = tls;
        this.nextName = nextName;
        this.ifTls = ifTls;
        this.ifPlain = ifPlain;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.executor().schedule(() -> {
            if (ctx.pipeline().get(NAME) != null) ctx.close();
        }, tls.config().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HEADER_BYTES) return;
        if (SslHandler.isEncrypted(in, false)) {
            ctx.pipeline().addAfter(NAME, TlsContext.HANDLER_NAME, tls.newHandler(ctx.alloc()));
            ctx.pipeline().addAfter(TlsContext.HANDLER_NAME, nextName, ifTls);
        } else {
            ctx.pipeline().addAfter(NAME, nextName, ifPlain);
        }
        ctx.pipeline().remove(this); // what was read goes on to the handler just added
    }
}
