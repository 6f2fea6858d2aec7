package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.OK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.events.ServerEvent;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.function.IntSupplier;

/**
 * {@code /health}: {@code {"status":"ok","nodes":N,"uptime_s":S,"protocol_version":"1"}}, for
 * monitors and load balancers, and for a client to learn the JSON protocol before it logs in.
 */
final class Health {

    private final IntSupplier nodesInUse;
    private final long startedAt = System.nanoTime();

    Health(IntSupplier nodesInUse) {
        this.nodesInUse = nodesInUse;
    }

    void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        long uptime = (System.nanoTime() - startedAt) / 1_000_000_000L;
        ObjectNode json = Control.JSON.createObjectNode()
                .put("status", "ok")
                .put("nodes", nodesInUse.getAsInt())
                .put("uptime_s", uptime)
                .put("protocol_version", ServerEvent.PROTOCOL_VERSION);
        HttpResponses.send(ctx, request.method(), HttpResponses.json(OK, json));
    }
}
