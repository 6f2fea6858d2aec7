package dev.carrier.web;

import dev.carrier.auth.Tokens;
import dev.carrier.events.EventClient;
import dev.carrier.events.EventHub;
import dev.carrier.events.EventSink;
import dev.carrier.netty.DrainWaiters;
import dev.carrier.user.User;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges one {@code /events} WebSocket to the engine's {@link EventClient}: JSON text frames
 * both ways, back-pressure from Netty's watermarks, the hang-up. The user was authenticated by
 * token before the upgrade, and the connection lives no longer than that token: it is closed when
 * the token expires (revocation closes it through the hub). One instance per channel, on its
 * event loop.
 */
final class EventsHandler extends ChannelInboundHandlerAdapter implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(EventsHandler.class);

    static final String TOKEN_EXPIRED = "your login token expired; log in again";

    private final EventHub hub;
    private final User user;
    private final Instant tokenExpiresAt;
    private final Clock clock;
    private final Optional<String> instanceId;
    private final String clientAddress;
    private DrainWaiters drainWaiters;
    private ChannelHandlerContext ctx;
    private EventClient client;
    private ScheduledFuture<?> expiry;

    EventsHandler(EventHub hub, Tokens.Grant grant, Clock clock, Optional<String> instanceId, String clientAddress) {
        this.hub = hub;
        this.user = grant.user();
        this.tokenExpiresAt = grant.expiresAt();
        this.clock = clock;
        this.instanceId = instanceId;
        this.clientAddress = clientAddress;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        drainWaiters = new DrainWaiters(context.channel());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            log.info("{}: events connection for {}{}", clientAddress, user.handle(),
                    instanceId.map(id -> " (instance " + id + ")").orElse(""));
            client = hub.connect(user, instanceId, this).orElse(null);
            if (client != null) closeAtTokenExpiry();
        }
        super.userEventTriggered(context, event);
    }

    private void closeAtTokenExpiry() {
        long left = Math.max(0, Duration.between(clock.instant(), tokenExpiresAt).toMillis());
        expiry = ctx.executor().schedule(() -> {
            log.info("{}: the token of {} expired; closing its events connection", clientAddress, user.handle());
            close(TOKEN_EXPIRED);
        }, left, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        try {
            if (client == null) return;
            if (msg instanceof TextWebSocketFrame text) {
                client.receive(text.text());
            } else if (msg instanceof WebSocketFrame) {
                send("{\"event\":\"error\",\"data\":{\"code\":\"bad_request\","
                        + "\"message\":\"frames must be JSON text frames\"}}");
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    // ---- EventSink -----------------------------------------------------------------------------

    @Override
    public void send(String json) {
        ctx.writeAndFlush(new TextWebSocketFrame(json), ctx.voidPromise());
    }

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void whenWritable(Runnable task) {
        drainWaiters.add(task);
    }

    @Override
    public Executor executor() {
        return ctx.executor();
    }

    @Override
    public String address() {
        return clientAddress;
    }

    @Override
    public void close(String reason) {
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, reason))
                .addListener(done -> ctx.channel().close());
    }

    // ---- channel life --------------------------------------------------------------------------

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        drainWaiters.writabilityChanged();
        super.channelWritabilityChanged(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        drainWaiters.clear();
        if (expiry != null) expiry.cancel(false);
        if (client != null) client.closed();
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.warn("{}: closing the events connection of {} after an error", clientAddress, user.handle(), cause);
        context.close();
    }
}
