package dev.carrier.session;

import dev.carrier.runtime.Scheduler;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInput;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door transports bring terminals to: opens a session on a free node for each, starts it at
 * the first stage, tells the {@link SessionListener}s, and says goodbye to all of them at
 * shutdown. What a stage uses it is given by its service's factory, not through here.
 * Built once, in the server's wiring; its only mutable state is the node table.
 */
public final class SessionHost implements TerminalHost {

    private static final Logger log = LoggerFactory.getLogger(SessionHost.class);

    private final EngineConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Nodes nodes;
    private final Service.Opener firstStage;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    /** @param firstStage where every new session starts (the banner and the login prompt) */
    public SessionHost(EngineConfig config, Clock clock, Scheduler scheduler, Nodes nodes, Service.Opener firstStage) {
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.nodes = nodes;
        this.firstStage = firstStage;
    }

    @Override
    public TerminalInput open(Terminal terminal) {
        return open(terminal, firstStage);
    }

    /**
     * Opens a session that starts somewhere else than the login prompt: for a transport that
     * identified its caller itself (SSH checks the password or key before the session begins).
     */
    public TerminalInput open(Terminal terminal, Service.Opener start) {
        Optional<Session> claimed = nodes.claim(node -> new Session(node, terminal, this));
        if (claimed.isEmpty()) {
            log.info("refused {}: all {} nodes are busy", terminal.info().remoteAddress(), nodes.capacity());
            terminal.write("\nAll " + nodes.capacity() + " nodes of " + config.bbsName()
                    + " are busy. Please call again later.\n");
            terminal.close();
            return TerminalInput.IGNORED;
        }
        Session session = claimed.get();
        listeners.forEach(listener -> listener.opened(session));
        session.start(start.open(session));
        return session;
    }

    /** Adds a listener; done at wiring time, before the first caller. */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    void loggedIn(Session session) {
        nodes.loggedIn(session);
        listeners.forEach(listener -> listener.loggedIn(session));
    }

    void input(Session session) {
        listeners.forEach(listener -> listener.input(session));
    }

    void release(Session session) {
        nodes.release(session);
        if (session.user().isPresent()) listeners.forEach(listener -> listener.loggedOut(session));
        listeners.forEach(listener -> listener.closed(session));
    }

    /** Says goodbye to every node and hangs up; for a server going down. */
    public void hangUpAll(String farewell) {
        for (Session session : nodes.sessions()) {
            session.execute(() -> {
                session.writeLine("\n" + farewell);
                session.hangUp();
            });
        }
    }

    EngineConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    public Nodes nodes() {
        return nodes;
    }
}
