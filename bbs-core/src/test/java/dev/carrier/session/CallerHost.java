package dev.carrier.session;

import dev.carrier.runtime.ThreadScheduler;
import dev.carrier.terminal.TestTerminal;
import dev.carrier.user.User;
import java.time.Clock;

/**
 * One server's sessions for tests of what reaches callers: a node table and a session host whose
 * callers are already logged in and wait at a stage that takes notices at once (as a menu does).
 * Tests of actions across servers make one per server.
 */
public final class CallerHost implements AutoCloseable {

    private final ThreadScheduler scheduler = new ThreadScheduler();
    private final Nodes nodes = new Nodes(32);
    private final SessionHost host =
            new SessionHost(EngineConfig.defaults(), Clock.systemUTC(), scheduler, nodes, Waiting::new);

    public Nodes nodes() {
        return nodes;
    }

    public SessionHost host() {
        return host;
    }

    /** A caller logged in as {@code user}, waiting at a menu-like prompt. */
    public TestTerminal call(User user) {
        TestTerminal terminal = new TestTerminal().connect(opened -> host.open(opened, session -> {
            session.loggedIn(user);
            return new Waiting(session);
        }));
        terminal.awaitText("waiting> ");
        return terminal;
    }

    @Override
    public void close() {
        scheduler.close();
    }

    /** Shows a prompt and takes notices between keystrokes. */
    private static final class Waiting implements Stage {
        private final Session session;

        Waiting(Session session) {
            this.session = session;
        }

        @Override
        public StageTraits traits() {
            return StageTraits.of(SessionState.MENU, "waiting");
        }

        @Override
        public void enter() {
            session.prompt("waiting> ", InputMode.LINE);
        }

        @Override
        public void onLine(String line) {
            enter();
        }
    }
}
