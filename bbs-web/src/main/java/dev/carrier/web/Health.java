package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.OK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.events.ServerEvent;
import dev.carrier.tls.TlsContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code /health}: {@code {"status":"ok","nodes":N,"uptime_s":S,"protocol_version":"1","tls":false}}, for
 * monitors and load balancers, and for a client to learn the JSON protocol before it logs in.
 * With TLS on, {@code tls_expires} says when the certificate in use runs out, so that a monitor
 * notices a renewal that did not happen.
 */
final class Health {

    private final IntSupplier nodesInUse;
    private final Optional<TlsContext> tls;
    private final Server server;
    private final long startedAt = System.nanoTime();

    /**
     * Which server answers, and what its cluster looks like from here (empty on a server of its own).
     *
     * @param name    null when the wiring gave none (tests of the web alone)
     * @param cluster asked at each request; written as JSON
     */
    record Server(String name, Supplier<Optional<Object>> cluster) {
        static final Server ALONE = new Server(null, Optional::empty);
    }

    Health(IntSupplier nodesInUse, Optional<TlsContext> tls, Server server) {
        this.nodesInUse = nodesInUse;
        this.tls = tls;
        this.server = server;
    }

    void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        long uptime = (System.nanoTime() - startedAt) / 1_000_000_000L;
        ObjectNode json = Control.JSON.createObjectNode()
                .put("status", "ok")
                .put("nodes", nodesInUse.getAsInt())
                .put("uptime_s", uptime)
                .put("protocol_version", ServerEvent.PROTOCOL_VERSION)
                .put("tls", tls.isPresent());
        tls.ifPresent(context -> json.put("tls_expires", context.current().expires().toString()));
        if (server.name() != null) json.put("server", server.name());
        server.cluster().get().ifPresent(cluster -> json.set("cluster", Control.JSON.valueToTree(cluster)));
        HttpResponses.send(ctx, request.method(), HttpResponses.json(OK, json));
    }
}
