package dev.carrier.server;

import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import dev.carrier.terminal.TerminalInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per connection event (connect, login, logout, disconnect) with the node, handle,
 * transport and address, in the message for people and as key-value pairs for the JSON log.
 * Never a password or a token: a session holds neither.
 */
final class ConnectionLog implements SessionListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLog.class);

    @Override
    public void opened(Session session) {
        write("connect", session);
    }

    @Override
    public void loggedIn(Session session) {
        write("login", session);
    }

    @Override
    public void loggedOut(Session session) {
        write("logout", session);
    }

    @Override
    public void closed(Session session) {
        write("disconnect", session);
    }

    private static void write(String event, Session session) {
        TerminalInfo info = session.terminal().info();
        String handle = session.user().map(user -> user.handle()).orElse("-");
        log.atInfo().addKeyValue("event", event).addKeyValue("node", session.node()).addKeyValue("handle", handle)
                .addKeyValue("transport", info.transport()).addKeyValue("address", info.remoteAddress())
                .log("node {} {} {} via {} from {}", session.node(), event, handle, info.transport(), info.remoteAddress());
    }
}
