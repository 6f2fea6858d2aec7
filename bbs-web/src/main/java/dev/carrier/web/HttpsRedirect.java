package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.PERMANENT_REDIRECT;

import dev.carrier.netty.OutputGuard;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code --redirect-http}: a plain-HTTP request that reached the TLS web port is answered 308
 * with the same address under {@code https://} (same host, port and path; 308 keeps the method),
 * and the connection is closed. Nothing else is served in the clear. The pipeline of such a
 * connection, in full: the guard, HTTP/1.1 with the web's request limits and idle time, this.
 */
@ChannelHandler.Sharable
final class HttpsRedirect extends ChannelInitializer<Channel> {

    /** A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing to smuggle into a header. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");

    private final WebConfig config;

    HttpsRedirect(WebConfig config) {
        this.config = config;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast(OutputGuard.NAME, new OutputGuard(config.output()))
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(WebChannelInitializer.MAX_REQUEST_LINE)
                        .setMaxHeaderSize(WebChannelInitializer.MAX_HEADERS)))
                .addLast("requests", new HttpObjectAggregator(config.maxRequestBytes()))
                .addLast(WebChannelInitializer.IDLE, new IdleStateHandler(0, 0,
                        WebChannelInitializer.HTTP_IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast("redirect", new Answer());
    }

    /** The one answer of a plain connection. */
    static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            if (!request.decoderResult().isSuccess() || !HOST.matcher(host).matches()) {
                HttpResponses.sendAndClose(ctx, HttpResponses.plain(BAD_REQUEST,
                        "This port speaks HTTPS: open this address with https:// instead.\n"));
                return;
            }
            String path = request.uri().startsWith("/") ? request.uri() : "/";
            String location = "https://" + host + path;
            FullHttpResponse response = HttpResponses.plain(PERMANENT_REDIRECT, "This BBS speaks HTTPS: " + location + "\n");
            response.headers().set(HttpHeaderNames.LOCATION, location);
            HttpResponses.sendAndClose(ctx, response);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
