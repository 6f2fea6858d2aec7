package dev.carrier.session;

import dev.carrier.menu.Menus;
import dev.carrier.runtime.Scheduler;
import dev.carrier.runtime.Workers;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInput;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as one object: the shared parts every session reaches (users, menus, services,
 * the node table, the worker pool, time) and the door transports bring terminals to.
 * Built once, in the server's wiring; holds no mutable state of its own beyond the node table.
 */
public final class Engine implements TerminalHost {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Workers workers;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Menus menus;
    private final ServiceCatalog services;
    private final Nodes nodes;
    private final Service.Opener firstStage;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    public Engine(EngineConfig config, Clock clock, Scheduler scheduler, Workers workers, UserStore users,
            PasswordHasher hasher, Menus menus, ServiceCatalog services, Nodes nodes, Service.Opener firstStage) {
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        this.users = users;
        this.hasher = hasher;
        this.menus = menus;
        this.services = services;
        this.nodes = nodes;
        this.firstStage = firstStage;
    }

    @Override
    public TerminalInput open(Terminal terminal) {
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
        session.start(firstStage.open(session));
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

    public EngineConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Workers workers() {
        return workers;
    }

    public UserStore users() {
        return users;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public Menus menus() {
        return menus;
    }

    public ServiceCatalog services() {
        return services;
    }

    public Nodes nodes() {
        return nodes;
    }
}
