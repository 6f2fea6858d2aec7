package dev.carrier.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.json.ErrorBody;
import dev.carrier.json.Json;
import dev.carrier.metrics.Metrics;
import dev.carrier.store.Timestamps;
import dev.carrier.text.TextCleaner;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admin connection: checks the token, then answers one request (see {@link AdminProtocol})
 * and closes, or streams the event feed until the client goes away.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    private static final String BEARER = "Bearer ";

    private final String token;
    private final AdminProtocol protocol;
    private final AdminConfig config;

    AdminHandler(String token, AdminProtocol protocol, AdminConfig config) {
        this.token = token;
        this.protocol = protocol;
        this.config = config;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress peer)) {
            ctx.close();
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, ErrorBody.of("bad_request", "malformed HTTP request"));
            return;
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String presented = authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : null;
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(AdminProtocol.METRICS)) {
            metrics(ctx, request, config.allowsMetrics(peer.getAddress()) || AdminToken.matches(token, presented));
            return;
        }
        if (!peer.getAddress().isLoopbackAddress()) {
            ctx.close(); // the sysop's requests come from this machine only, whatever the endpoint listens on
            return;
        }
        if (!AdminToken.matches(token, presented)) {
            log.warn("admin request refused: {} token", presented == null ? "missing" : "wrong");
            respond(ctx, HttpResponseStatus.UNAUTHORIZED, presented == null
                    ? ErrorBody.of("no_token", "no admin token given") : ErrorBody.of("bad_token", "wrong admin token"));
            return;
        }
        if (path.equals(AdminProtocol.EVENTS)) {
            if (!request.method().equals(HttpMethod.GET)) {
                respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorBody.of("method_not_allowed", "use GET for " + path));
            } else {
                stream(ctx);
            }
            return;
        }
        Optional<AdminOperation<?, ?>> operation = AdminOperation.at(
                path.startsWith(AdminProtocol.PREFIX) ? path.substring(AdminProtocol.PREFIX.length()) : "");
        if (operation.isEmpty()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, ErrorBody.of("not_found", "no such admin request: " + path));
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorBody.of("method_not_allowed", "use POST for " + path));
            return;
        }
        JsonNode args;
        try {
            args = body(request.content());
        } catch (IOException e) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, ErrorBody.of("bad_json", "the request body must be a JSON object"));
            return;
        }
        String actor = TextCleaner.clean(request.headers().get(AdminProtocol.ACTOR_HEADER, ""), 64);
        protocol.call(operation.get(), actor.isEmpty() ? "admin" : actor, args).whenComplete((result, failure) -> {
            if (failure == null) {
                respond(ctx, HttpResponseStatus.OK, result);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof AdminException) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, ErrorBody.of("refused", cause.getMessage()));
            } else {
                log.warn("admin request {} failed", path, cause);
                respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        ErrorBody.of("internal", "the server failed: " + cause.getMessage()));
            }
        });
    }

    /** Prometheus's text, scraped on a worker; a peer neither allowed nor holding the token gets 403. */
    private void metrics(ChannelHandlerContext ctx, FullHttpRequest request, boolean allowed) {
        if (!request.method().equals(HttpMethod.GET)) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorBody.of("method_not_allowed", "use GET for /metrics"));
            return;
        }
        if (!allowed) {
            respond(ctx, HttpResponseStatus.FORBIDDEN, ErrorBody.of("forbidden",
                    "this address may not read the metrics; add it to --metrics-allow or send the admin token"));
            return;
        }
        protocol.scrape().whenComplete((text, failure) -> {
            if (failure != null) {
                log.warn("metrics scrape failed", failure);
                respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, ErrorBody.of("busy", "the metrics could not be read now"));
                return;
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Metrics.CONTENT_TYPE);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            HttpUtil.setContentLength(response, body.length);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        });
    }

    private static JsonNode body(ByteBuf content) throws IOException {
        if (!content.isReadable()) return JsonNodeFactory.instance.objectNode();
        JsonNode node = Json.MAPPER.readTree(new ByteBufInputStream(content.duplicate()));
        if (node == null || !node.isObject()) throw new IOException("not an object");
        return node;
    }

    /** One JSON answer, then the connection closes. */
    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, Object body) {
        byte[] json;
        try {
            json = AdminJson.write(body);
        } catch (IOException e) {
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            json = "{\"error\":{\"code\":\"internal\",\"message\":\"cannot write the answer\"}}"
                    .getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, json.length);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * The live feed: one JSON object per line, as long as the client stays. A {@code ready} line
     * first says the feed is on. A client that does not keep up misses events, and is told how
     * many with a {@code missed} line.
     */
    private void stream(ChannelHandlerContext ctx) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-ndjson");
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.write(response);
        AtomicInteger missed = new AtomicInteger();
        Runnable cancel = protocol.feed().subscribe(event -> {
            if (!ctx.channel().isWritable()) {
                missed.incrementAndGet();
                return;
            }
            int lost = missed.getAndSet(0);
            if (lost > 0) {
                send(ctx, new TailEvent(event.at(), "missed", null, null, lost + (lost == 1 ? " event" : " events")));
            }
            send(ctx, event);
        });
        ctx.channel().closeFuture().addListener(closed -> cancel.run());
        send(ctx, new TailEvent(Timestamps.format(Instant.now()), "ready", null, null, null));
    }

    private static void send(ChannelHandlerContext ctx, TailEvent event) {
        try {
            byte[] line = AdminJson.write(event);
            ByteBuf buffer = Unpooled.buffer(line.length + 1).writeBytes(line).writeByte('\n');
            ctx.writeAndFlush(new DefaultHttpContent(buffer));
        } catch (IOException e) {
            log.warn("cannot write an admin event", e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("admin connection failed", cause);
        ctx.close();
    }
}
