package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.json.ErrorBody;
import dev.carrier.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The answers every HTTP handler of the web transport gives, built and sent one way: plain text
 * for people, JSON for programs, and errors as {@code {"error": {"code", "message"}}}. Every
 * answer says its length and forbids type sniffing; JSON is never cached.
 */
final class HttpResponses {

    /** How long a refused connection is read from (and the input dropped) before it is closed. */
    static final long LINGER_MILLIS = 2000;

    private HttpResponses() {}

    static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse json(HttpResponseStatus status, JsonNode body) {
        FullHttpResponse response = response(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    /** A JSON error; a 401 also names the scheme that would be accepted. */
    static FullHttpResponse error(HttpResponseStatus status, String code, String message) {
        FullHttpResponse response = json(status, Json.MAPPER.valueToTree(ErrorBody.of(code, message)));
        if (status == UNAUTHORIZED) response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set("X-Content-Type-Options", "nosniff");
        HttpUtil.setContentLength(response, body.length);
        return response;
    }

    /**
     * Sends the answer to a request made with {@code method}; the keep-alive handler keeps or
     * closes the connection as the request asked.
     */
    static void send(ChannelHandlerContext ctx, HttpMethod method, FullHttpResponse response) {
        if (HttpMethod.HEAD.equals(method)) {
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
    static void sendAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
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
