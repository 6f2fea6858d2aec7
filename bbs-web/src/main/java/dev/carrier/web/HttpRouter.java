package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_MODIFIED;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_URI_TOO_LONG;
import static io.netty.handler.codec.http.HttpResponseStatus.TOO_MANY_REQUESTS;
import static io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED;
import static io.netty.handler.codec.http.HttpResponseStatus.UPGRADE_REQUIRED;

import dev.carrier.netty.OutputGuard;
import dev.carrier.netty.ReadSuspensions;
import dev.carrier.terminal.TerminalHost;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each HTTP request gets: the terminal page and its files, {@code /health}, or, for
 * {@code /terminal} and {@code /telnet}, a WebSocket once the request has passed the guard rails
 * (one of the server's public host names, an allowed Origin). Every request first needs the
 * connection's place in the per-address limit ({@link AddressPermit}), else 429. An upgraded connection's pipeline
 * loses its HTTP handlers and gets the WebSocket ones, this router included.
 *
 * <p>Bad requests get a status that says what was wrong (400, 405, 413, 414, 426, 431) and the
 * server goes on. Shared by every connection of one server; holds no per-connection state.
 */
@ChannelHandler.Sharable
final class HttpRouter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

    /** Why the connection is not read from while a JSON client's token is checked. */
    private static final String CHECKING_TOKEN = "checking a token";

    /** How long a refused connection is read from (and the input dropped) before it is closed. */
    static final long LINGER_MILLIS = 2000;

    /** The page loads only what the server serves, and connects only back to it. */
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final WebConfig config;
    private final TerminalHost host;
    private final StaticFiles files;
    private final OriginPolicy origins;
    private final HostPolicy hosts;
    private final IntSupplier nodesInUse;
    private final BooleanSupplier goingDown;
    private final long startedAt = System.nanoTime();
    private final Optional<ApiServices> api;
    private final Optional<ApiRouter> rest;

    HttpRouter(WebConfig config, TerminalHost host, StaticFiles files, IntSupplier nodesInUse, BooleanSupplier goingDown, Optional<ApiServices> api) {
        this.config = config;
        this.api = api;
        this.rest = api.map(ApiRouter::new);
        this.host = host;
        this.files = files;
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.hosts = new HostPolicy(config.publicHosts(), config.bindHost());
        this.nodesInUse = nodesInUse;
        this.goingDown = goingDown;
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
        switch (path) {
            case "/terminal" -> upgrade(ctx, request, Endpoint.TERMINAL, address);
            case "/telnet" -> upgrade(ctx, request, Endpoint.TELNET, address);
            case "/events" -> {
                if (api.isPresent()) upgrade(ctx, request, Endpoint.EVENTS, address);
                else send(ctx, request, plain(NOT_FOUND, "This server offers no JSON events.\n"));
            }
            case "/health" -> {
                if (readOnly(ctx, request)) health(ctx, request);
            }
            default -> {
                if (path.startsWith("/api/") && rest.isPresent()) {
                    rest.get().route(ctx, request, path, address);
                } else if (readOnly(ctx, request)) {
                    staticFile(ctx, request, path);
                }
            }
        }
    }

    // ---- WebSockets ----------------------------------------------------------------------------

    private enum Endpoint { TERMINAL, TELNET, EVENTS }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Endpoint endpoint, String address) {
        HttpHeaders headers = request.headers();
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = plain(METHOD_NOT_ALLOWED, "A WebSocket starts with GET.\n");
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
            send(ctx, request, response);
            return;
        }
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            FullHttpResponse response = plain(UPGRADE_REQUIRED,
                    "This address is a WebSocket; open the terminal page at / instead.\n");
            response.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
            send(ctx, request, response);
            return;
        }
        String requested = requestedHost(ctx, headers);
        if (!hosts.allows(requested)) {
            log.info("refused a WebSocket from {}: host {} is not one of this server's names {}", address, requested,
                    hosts.allowed());
            sendAndClose(ctx, plain(FORBIDDEN, "This server does not answer to the name " + requested + ". If it is"
                    + " this server's public name, the sysop adds it with --public-host.\n"));
            return;
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, requested)) {
            log.info("refused a WebSocket from {}: origin {} is not allowed",
                    PeerIp.of(ctx.channel().remoteAddress()), origin);
            sendAndClose(ctx, plain(FORBIDDEN, "Pages from " + origin + " may not connect here. The sysop can allow"
                    + " them with --allowed-origins.\n"));
            return;
        }
        if (endpoint == Endpoint.EVENTS) {
            authenticateThenUpgrade(ctx, request, address);
            return;
        }
        install(ctx, request, endpoint, address, endpoint == Endpoint.TELNET
                ? new TelnetFrames(config.telnet(), host, address)
                : new WebTerminalHandler(host, address));
    }

    /**
     * A JSON client shows its token before the upgrade; checking it reads the database, so the
     * connection stops reading meanwhile and the upgrade resumes on its event loop.
     */
    private void authenticateThenUpgrade(ChannelHandlerContext ctx, FullHttpRequest request, String address) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        Optional<String> token = ApiRouter.token(request.headers(), query);
        Optional<String> instanceId = Optional.ofNullable(query.parameters().get("instance_id"))
                .flatMap(values -> values.stream().findFirst()).map(String::strip).filter(id -> !id.isEmpty()
                        && id.length() <= 200);
        if (token.isEmpty()) {
            sendAndClose(ctx, apiError(UNAUTHORIZED, "no_token",
                    "send Authorization: Bearer TOKEN or ?token=TOKEN (a token from POST /api/login)"));
            return;
        }
        ApiServices services = api.orElseThrow();
        ReadSuspensions.of(ctx.channel()).suspend(CHECKING_TOKEN);
        request.retain();
        services.workers().submit(() -> services.tokens().grant(token.get()))
                .whenComplete((grant, failure) -> ctx.executor().execute(() -> {
                    try {
                        if (failure != null || grant.isEmpty()) {
                            sendAndClose(ctx, apiError(UNAUTHORIZED, "bad_token",
                                    "the token is unknown, expired or revoked: log in again"));
                        } else {
                            install(ctx, request, Endpoint.EVENTS, address, new EventsHandler(services.events(),
                                    grant.get(), services.clock(), instanceId, address));
                        }
                    } finally {
                        request.release();
                        if (ctx.channel().isActive()) ReadSuspensions.of(ctx.channel()).resume(CHECKING_TOKEN);
                    }
                }));
    }

    /** Turns the connection into a WebSocket whose frames go to {@code handler}. */
    private void install(ChannelHandlerContext ctx, FullHttpRequest request, Endpoint endpoint, String address,
            ChannelHandler handler) {
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(WebChannelInitializer.IDLE);
        pipeline.remove(WebChannelInitializer.KEEP_ALIVE);
        if (pipeline.get(OneRequestAtATime.NAME) != null) pipeline.remove(OneRequestAtATime.NAME); // frames now
        String subprotocols = endpoint == Endpoint.TELNET ? TelnetFrames.SUBPROTOCOLS : null;
        pipeline.addAfter(OutputGuard.NAME, "heartbeat", new WebSocketHeartbeat(config.pingInterval(), config.pingTimeout()));
        pipeline.addLast("websocket", new WebSocketEndpoint("/" + endpoint.name().toLowerCase(Locale.ROOT),
                subprotocols, config.maxFrameBytes()));
        pipeline.addLast("messages", new WebSocketFrameAggregator(config.maxFrameBytes()));
        pipeline.addLast("goingAway", new GoingAway(goingDown, address));
        pipeline.addLast("endpoint", handler);
        ctx.fireChannelRead(request.retain()); // to the handshake, which answers 101 and swaps the codec
        pipeline.remove(this);
    }

    /** The host the page was loaded from, as the client named it (through the proxy when trusted). */
    private String requestedHost(ChannelHandlerContext ctx, HttpHeaders headers) {
        if (config.proxy().trusts(ctx.channel().remoteAddress())) {
            String forwarded = headers.get("X-Forwarded-Host");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.lastIndexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(comma + 1)).trim();
            }
        }
        return headers.get(HttpHeaderNames.HOST);
    }

    // ---- plain HTTP ----------------------------------------------------------------------------

    /** GET and HEAD only; anything else is told 405. */
    private boolean readOnly(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpMethod method = request.method();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) return true;
        FullHttpResponse response = plain(METHOD_NOT_ALLOWED, "Only GET and HEAD are served here.\n");
        response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        send(ctx, request, response);
        return false;
    }

    private void health(ChannelHandlerContext ctx, FullHttpRequest request) {
        long uptime = (System.nanoTime() - startedAt) / 1_000_000_000L;
        String json = Control.JSON.createObjectNode()
                .put("status", "ok")
                .put("nodes", nodesInUse.getAsInt())
                .put("uptime_s", uptime)
                .toString();
        FullHttpResponse response = response(OK, "application/json", json.getBytes(StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        send(ctx, request, response);
    }

    private void staticFile(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        Optional<StaticFiles.File> found = files.find(path);
        if (found.isEmpty()) {
            send(ctx, request, plain(NOT_FOUND, "Nothing here. The terminal is at /.\n"));
            return;
        }
        StaticFiles.File file = found.get();
        boolean gzip = file.gzipped() != null && acceptsGzip(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        String etag = gzip ? file.gzipEtag() : file.etag();
        String version = new QueryStringDecoder(request.uri()).parameters().getOrDefault("v", List.of()).stream()
                .findFirst().orElse("");
        String caching = file.fingerprinted() && version.equals(file.version()) ? StaticFiles.FOREVER : StaticFiles.REVALIDATE;

        FullHttpResponse response;
        if (matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), etag)) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
        } else {
            response = response(OK, file.contentType(), gzip ? file.gzipped() : file.bytes());
            if (gzip) response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.CACHE_CONTROL, caching);
        headers.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        if (!file.fingerprinted()) {
            headers.set("Content-Security-Policy", PAGE_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
        }
        send(ctx, request, response);
    }

    /** Whether an If-None-Match header names the current tag (or any). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals(etag)) return true;
        }
        return false;
    }

    /** Whether an Accept-Encoding header takes gzip (named or as *, and not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim();
            if ((coding.equals("gzip") || coding.equals("*")) && quality(pieces) > 0) return true;
        }
        return false;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
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
        log.debug("{}: HTTP connection error, closing: {}", PeerIp.of(ctx.channel().remoteAddress()),
                cause.toString());
        ctx.close();
    }

    // ---- responses -----------------------------------------------------------------------------

    private static FullHttpResponse apiError(HttpResponseStatus status, String code, String message) {
        String json = Control.JSON.createObjectNode().set("error", Control.JSON.createObjectNode()
                .put("code", code).put("message", message)).toString();
        FullHttpResponse response = response(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        if (status == UNAUTHORIZED) response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set("X-Content-Type-Options", "nosniff");
        HttpUtil.setContentLength(response, body.length);
        return response;
    }

    /** Sends the response; the keep-alive handler keeps or closes the connection as the request asked. */
    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        if (HttpMethod.HEAD.equals(request.method())) {
            response.content().clear(); // same headers, no body
        }
        ctx.writeAndFlush(response);
    }

    /**
     * For requests the connection cannot go on after: a broken request, or a refused WebSocket.
     * After the answer the server stops sending and drops whatever still arrives for a moment
     * before it closes: closing with unread input would reset the connection, and the client might
     * lose the answer that says what was wrong.
     */
    private static void sendAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(WebChannelInitializer.KEEP_ALIVE) != null) pipeline.remove(WebChannelInitializer.KEEP_ALIVE);
        if (pipeline.get(OneRequestAtATime.NAME) != null) pipeline.remove(OneRequestAtATime.NAME); // no more answers
        ctx.writeAndFlush(response).addListener(written -> {
            if (!ctx.channel().isActive()) return;
            pipeline.addFirst("drain", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext drain, Object msg) {
                    ReferenceCountUtil.release(msg);
                }
            });
            if (ctx.channel() instanceof SocketChannel socket) socket.shutdownOutput();
            ctx.executor().schedule(() -> ctx.channel().close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }
}
