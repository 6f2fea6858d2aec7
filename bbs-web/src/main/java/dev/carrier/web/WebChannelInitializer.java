package dev.carrier.web;

import dev.carrier.netty.OutputGuard;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * A web connection's pipeline, top to bottom, as it starts: the output guard, HTTP/1.1 with bounded
 * request lines and headers, keep-alive, whole requests up to the body limit, an idle timer, one
 * request at a time, and the {@link HttpRouter}. A WebSocket upgrade replaces all but the codec with the
 * WebSocket handlers (see {@link WebSocketUpgrade}), and the handshake then swaps the codec itself for frames.
 */
final class WebChannelInitializer extends ChannelInitializer<Channel> {

    static final String IDLE = "idle";
    static final String KEEP_ALIVE = "keepAlive";

    /** Longest request line (method, path, version) and longest header block. */
    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADERS = 8192;

    /** An HTTP connection unused this long is closed; WebSockets are exempt. */
    static final long HTTP_IDLE_SECONDS = 60;

    private final WebConfig config;
    private final HttpRouter router;

    WebChannelInitializer(WebConfig config, HttpRouter router) {
        this.config = config;
        this.router = router;
    }

    @Override
    protected void initChannel(Channel ch) {
        HttpDecoderConfig limits = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADERS);
        ch.pipeline()
                .addLast(OutputGuard.NAME, new OutputGuard(config.output()))                 // blocked output stops reading
                .addLast("http", new HttpServerCodec(limits))                                // bytes <-> HTTP/1.1
                .addLast(KEEP_ALIVE, new HttpServerKeepAliveHandler())                         // Connection: keep-alive or close
                .addLast("requests", new HttpObjectAggregator(config.maxRequestBytes()))      // whole requests; 413 past the limit
                .addLast(IDLE, new IdleStateHandler(0, 0, HTTP_IDLE_SECONDS, TimeUnit.SECONDS)) // idle HTTP connections end
                .addLast(OneRequestAtATime.NAME, new OneRequestAtATime())                   // answers in request order
                .addLast("router", router);                                                   // page, health, or a WebSocket
    }
}
