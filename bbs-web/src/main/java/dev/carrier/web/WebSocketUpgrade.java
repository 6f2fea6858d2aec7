package dev.carrier.web;

import static dev.carrier.web.HttpResponses.plain;
import static dev.carrier.web.HttpResponses.send;
import static dev.carrier.web.HttpResponses.sendAndClose;
import static io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED;
import static io.netty.handler.codec.http.HttpResponseStatus.UPGRADE_REQUIRED;

import dev.carrier.netty.OutputGuard;
import dev.carrier.netty.PeerIp;
import dev.carrier.netty.ReadSuspensions;
import dev.carrier.terminal.TerminalHost;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a WebSocket request goes through before its frames reach a handler, in order:
 * <ol>
 *   <li>the guard rails: GET (else 405), an {@code Upgrade: websocket} header (else 426), one of
 *       the server's public host names ({@link HostPolicy}, else 403) and an allowed Origin
 *       ({@link OriginPolicy}, else 403); the per-address permit was taken by the router already;
 *   <li>for {@code /events} only, the token ({@code Authorization: Bearer} or {@code ?token=}),
 *       checked on a worker while the connection is not read from (else 401);
 *   <li>the pipeline surgery: the HTTP handlers make way for the heartbeat, Netty's handshake and
 *       frame handlers (frames over the limit get close 1009), {@link GoingAway}, and the
 *       endpoint's own handler: {@link WebTerminalHandler} for {@code /terminal},
 *       {@link TelnetFrames} for {@code /telnet}, {@link EventsHandler} for {@code /events}.
 * </ol>
 * Shared by every connection of one server; holds no per-connection state.
 */
final class WebSocketUpgrade {

    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);

    /** Why the connection is not read from while a JSON client's token is checked. */
    private static final String CHECKING_TOKEN = "checking a token";

    private final WebConfig config;
    private final TerminalHost host;
    private final OriginPolicy origins;
    private final HostPolicy hosts;
    private final BooleanSupplier goingDown;
    private final Optional<ApiServices> api;

    WebSocketUpgrade(WebConfig config, TerminalHost host, BooleanSupplier goingDown, Optional<ApiServices> api) {
        this.config = config;
        this.host = host;
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.hosts = new HostPolicy(config.publicHosts(), config.bindHost());
        this.goingDown = goingDown;
        this.api = api;
    }

    /** Whether {@code path} is a WebSocket endpoint. */
    static boolean isEndpoint(String path) {
        return path.equals("/terminal") || path.equals("/telnet") || path.equals("/events");
    }

    /**
     * Answers a request for one of the endpoints: refuses it, or turns the connection into a
     * WebSocket and takes {@code ctx}'s handler (the router) out of the pipeline.
     */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path, String address) {
        if (path.equals("/events") && api.isEmpty()) {
            send(ctx, request.method(), plain(NOT_FOUND, "This server offers no JSON events.\n"));
            return;
        }
        if (!passesGuardRails(ctx, request, address)) return;
        switch (path) {
            case "/terminal" -> install(ctx, request, path, null, address, new WebTerminalHandler(host, address));
            case "/telnet" -> install(ctx, request, path, TelnetFrames.SUBPROTOCOLS, address,
                    new TelnetFrames(config.telnet(), host, address));
            case "/events" -> authenticateThenUpgrade(ctx, request, address);
            default -> throw new IllegalArgumentException("not a WebSocket endpoint: " + path);
        }
    }

    private boolean passesGuardRails(ChannelHandlerContext ctx, FullHttpRequest request, String address) {
        HttpHeaders headers = request.headers();
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = plain(METHOD_NOT_ALLOWED, "A WebSocket starts with GET.\n");
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
            send(ctx, request.method(), response);
            return false;
        }
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            FullHttpResponse response = plain(UPGRADE_REQUIRED,
                    "This address is a WebSocket; open the terminal page at / instead.\n");
            response.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
            send(ctx, request.method(), response);
            return false;
        }
        String requested = requestedHost(ctx, headers);
        if (!hosts.allows(requested)) {
            log.info("refused a WebSocket from {}: host {} is not one of this server's names {}", address, requested,
                    hosts.allowed());
            sendAndClose(ctx, plain(FORBIDDEN, "This server does not answer to the name " + requested + ". If it is"
                    + " this server's public name, the sysop adds it with --public-host.\n"));
            return false;
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, requested)) {
            log.info("refused a WebSocket from {}: origin {} is not allowed", PeerIp.of(ctx.channel().remoteAddress()), origin);
            sendAndClose(ctx, plain(FORBIDDEN, "Pages from " + origin + " may not connect here. The sysop can allow"
                    + " them with --allowed-origins.\n"));
            return false;
        }
        return true;
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
            sendAndClose(ctx, HttpResponses.error(UNAUTHORIZED, "no_token",
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
                            sendAndClose(ctx, HttpResponses.error(UNAUTHORIZED, "bad_token",
                                    "the token is unknown, expired or revoked: log in again"));
                        } else {
                            install(ctx, request, "/events", null, address, new EventsHandler(services.events(),
                                    grant.get(), services.clock(), instanceId, address));
                        }
                    } finally {
                        request.release();
                        if (ctx.channel().isActive()) ReadSuspensions.of(ctx.channel()).resume(CHECKING_TOKEN);
                    }
                }));
    }

    /** Turns the connection into a WebSocket whose frames go to {@code handler}. */
    private void install(ChannelHandlerContext ctx, FullHttpRequest request, String path, String subprotocols,
            String address, ChannelHandler handler) {
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(WebChannelInitializer.IDLE);
        pipeline.remove(WebChannelInitializer.KEEP_ALIVE);
        if (pipeline.get(OneRequestAtATime.NAME) != null) pipeline.remove(OneRequestAtATime.NAME); // frames now
        pipeline.addAfter(OutputGuard.NAME, "heartbeat", new WebSocketHeartbeat(config.pingInterval(), config.pingTimeout()));
        pipeline.addLast("websocket", new WebSocketEndpoint(path, subprotocols, config.maxFrameBytes()));
        pipeline.addLast("messages", new WebSocketFrameAggregator(config.maxFrameBytes()));
        pipeline.addLast("goingAway", new GoingAway(goingDown, address));
        pipeline.addLast("endpoint", handler);
        ctx.fireChannelRead(request.retain()); // to the handshake, which answers 101 and swaps the codec
        pipeline.remove(ctx.handler());
    }
}
