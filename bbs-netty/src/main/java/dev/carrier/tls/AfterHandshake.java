package dev.carrier.tls;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Holds a connection's own handlers back until its TLS handshake has succeeded, then puts them in
 * its place. So a transport that speaks first (telnet negotiates at once) starts its clocks only
 * once the client can hear it, and a handshake that never completes (closed by the
 * {@code SslHandler}'s timeout) never gets a session or a node.
 */
public final class AfterHandshake extends ChannelInboundHandlerAdapter {

    private final String name;
    private final ChannelHandler next;

    /** @param next usually a {@code ChannelInitializer} that adds the transport's pipeline */
    public AfterHandshake(String name, ChannelHandler next) {
        this.name = name;
        this.next = next;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        ctx.fireUserEventTriggered(event);
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                // The channel became active long ago: the handlers put in now hear it from here.
                ctx.pipeline().addAfter(ctx.name(), name, next);
                ctx.fireChannelActive();
                ctx.pipeline().remove(this);
            } else {
                ctx.close();
            }
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // held back: the transport's handlers hear it once the handshake is done
    }
}
