package dev.carrier.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;

/** Binds a transport's listener, or fails with a message a sysop can act on. Shared by every transport. */
public final class Listening {

    private Listening() {}

    /**
     * @param what how the sysop knows this listener, such as {@code telnet}
     * @throws IOException naming the address and what to do when it cannot be bound
     */
    public static Channel bind(ServerBootstrap bootstrap, String host, int port, String what) throws IOException {
        ChannelFuture bind = bootstrap.bind(host, port).awaitUninterruptibly();
        if (bind.isSuccess()) return bind.channel();
        Throwable cause = bind.cause();
        String where = host + ":" + port;
        if (cause instanceof IOException io) {
            throw new IOException(what + " cannot listen on " + where + ": " + io.getMessage()
                    + "; choose another port or bind address", io);
        }
        throw new IOException(what + " cannot listen on " + where + ": " + cause, cause);
    }
}
