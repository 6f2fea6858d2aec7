package dev.carrier.who;

import dev.carrier.session.NodeInfo;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import java.time.Duration;
import java.time.Instant;

/** {@code __who__}: every node, who is on it, what they do, how long idle, and how connected. */
public final class WhoStage implements Stage {

    public static final String ID = "__who__";

    private final Session session;

    public WhoStage(Session session) {
        this.session = session;
    }

    public static Service service() {
        return new Service(ID, WhoStage::new);
    }

    @Override
    public SessionState state() {
        return SessionState.SERVICE;
    }

    @Override
    public String activity() {
        return "Who's Online";
    }

    @Override
    public void enter() {
        Instant now = session.engine().clock().instant();
        StringBuilder table = new StringBuilder("\n")
                .append(String.format("%-5s %-20s %-16s %6s  %s%n", "Node", "Handle", "Activity", "Idle", "Via"));
        for (NodeInfo node : session.engine().nodes().snapshot()) {
            String activity = node.node() == session.node() ? activity() : node.activity();
            table.append(String.format("%4d  %-20s %-16s %6s  %s%n", node.node(),
                    node.handle().orElse("(logging in)"), activity,
                    idle(Duration.between(node.lastInputAt(), now)), node.transport()));
        }
        session.write(table.toString().replace(System.lineSeparator(), "\n"));
        session.backToMenu();
    }

    /** Idle time as m:ss, or h:mm past an hour, the way BBS who-lists show it. */
    static String idle(Duration idle) {
        long seconds = Math.max(0, idle.toSeconds());
        if (seconds >= 3600) return String.format("%d:%02dh", seconds / 3600, (seconds % 3600) / 60);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void onLine(String line) {
        session.backToMenu();
    }
}
