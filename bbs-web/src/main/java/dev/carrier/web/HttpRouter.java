package dev.carrier.web;

import static dev.carrier.web.HttpResponses.plain;
import static dev.carrier.web.HttpResponses.sendAndClose;
import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_URI_TOO_LONG;
import static io.netty.handler.codec.http.HttpResponseStatus.TOO_MANY_REQUESTS;

import dev.carrier.netty.PeerIp;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each HTTP request goes. A request the decoder could not read gets the status that says
 * what was wrong (400, 414, 431); every other one first needs the connection's place in the
 * per-address limit ({@link AddressPermit}), else 429. Then, by path: {@code /terminal},
 * {@code /telnet} and {@code /events} to {@link WebSocketUpgrade}, {@code /health} to
 * {@link Health}, {@code /api/...} to {@link ApiRouter}, and anything else to the
 * {@link StaticPage}. The server goes on after a bad request.
 *
 * <p>Shared by every connection of one server; holds no per-connection state.
 */
@ChannelHandler.Sharable
final class HttpRouter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

    private final WebConfig config;
    private final WebSocketUpgrade upgrades;
    private final Health health;
    private final StaticPage page;
    private final Optional<ApiRouter> rest;

    HttpRouter(WebConfig config, WebSocketUpgrade upgrades, Health health, StaticPage page, Optional<ApiRouter> rest) {
        this.config = config;
        this.upgrades = upgrades;
        this.health = health;
        this.page = page;
        this.rest = rest;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            route(ctx, request);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpLineException ? REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? REQUEST_HEADER_FIELDS_TOO_LARGE
                    : BAD_REQUEST;
            log.debug("{}: bad HTTP request: {}", PeerIp.of(ctx.channel().remoteAddress()), cause.toString());
            sendAndClose(ctx, plain(status, status.reasonPhrase() + ": " + cause.getMessage()));
            return;
        }
        String address = ClientAddress.of(ctx.channel().remoteAddress(), request.headers(), config.proxy());
        AddressPermit permit = ctx.channel().attr(AddressPermit.KEY).get();
        if (permit != null && !permit.admit(address)) {
            log.info("refused HTTP from {}: {} connections from that address already", address, permit.perAddress());
            sendAndClose(ctx, plain(TOO_MANY_REQUESTS, "Too many connections from your address ("
                    + permit.perAddress() + " at most). Close one and call again.\n"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (WebSocketUpgrade.isEndpoint(path)) {
            upgrades.upgrade(ctx, request, path, address);
        } else if (path.equals("/health")) {
            if (readOnly(ctx, request)) health.answer(ctx, request);
        } else if (path.startsWith("/api/") && rest.isPresent()) {
            rest.get().route(ctx, request, path, address);
        } else if (readOnly(ctx, request)) {
            page.serve(ctx, request, path);
        }
    }

    /** GET and HEAD only; anything else is told 405. */
    private static boolean readOnly(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpMethod method = request.method();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) return true;
        FullHttpResponse response = plain(METHOD_NOT_ALLOWED, "Only GET and HEAD are served here.\n");
        response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        HttpResponses.send(ctx, method, response);
        return false;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close(); // an HTTP connection nobody uses; a browser opens a new one when it needs one
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{}: HTTP connection error, closing: {}", PeerIp.of(ctx.channel().remoteAddress()), cause.toString());
        ctx.close();
    }
}
