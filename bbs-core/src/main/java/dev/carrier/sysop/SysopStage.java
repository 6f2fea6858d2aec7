package dev.carrier.sysop;

import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.InputMode;
import dev.carrier.session.NodeInfo;
import dev.carrier.session.Nodes;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.User;
import dev.carrier.who.WhoList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code __sysop__}: the sysop's corner of the BBS. Lists every node with where it calls from,
 * and takes {@code kick} and {@code broadcast}. The menu lists it for sysops only; the server
 * checks the rights again, against the database, on entering and for every command.
 */
public final class SysopStage implements Stage {

    public static final String ID = "__sysop__";
    public static final String ACTIVITY = "Sysop";
    private static final String PROMPT = "sysop> ";
    private static final String WHAT = "the sysop menu";

    static final String HELP = String.join("\n",
            "Sysop commands:",
            "  who                          every node, with address and idle time",
            "  kick HANDLE|NODE [REASON]    hang up on a user's connections, or on one node",
            "  broadcast TEXT               *** SYSOP: TEXT on every node",
            "  quit                         back to the menu",
            "");

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private final Session session;
    private final NodeAdmin nodeAdmin;
    private final SysopRights rights;
    private final Presence presence;
    private final Nodes nodes;
    private final Clock clock;

    public SysopStage(Session session, NodeAdmin nodeAdmin, SysopRights rights, Presence presence, Nodes nodes,
            Clock clock) {
        this.session = session;
        this.nodeAdmin = nodeAdmin;
        this.rights = rights;
        this.presence = presence;
        this.nodes = nodes;
        this.clock = clock;
    }

    public static Service service(NodeAdmin nodeAdmin, SysopRights rights, Presence presence, Nodes nodes,
            Clock clock) {
        return new Service(ID, session -> new SysopStage(session, nodeAdmin, rights, presence, nodes, clock));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        rights.act(session, WHAT, sysop -> "\n== Sysop ==\n" + nodeList() + "Type help for the commands.\n",
                answer -> {
                    if (answer.equals(SysopRights.refusal(WHAT))) {
                        session.writeLine(answer);
                        session.backToMenu();
                    } else {
                        session.write(answer);
                        prompt();
                    }
                });
    }

    private void prompt() {
        session.prompt(PROMPT, InputMode.LINE);
    }

    @Override
    public void onLine(String line) {
        String typed = line.strip();
        int space = typed.indexOf(' ');
        String command = (space < 0 ? typed : typed.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : typed.substring(space + 1).strip();
        switch (command) {
            case "" -> prompt();
            case "quit", "q", "exit" -> session.backToMenu();
            case "help", "?" -> {
                session.write(HELP);
                prompt();
            }
            case "who", "w" -> run(sysop -> nodeList());
            case "kick", "k" -> kick(rest);
            case "broadcast", "b" -> run(sysop -> {
                if (rest.isEmpty()) return "Usage: broadcast TEXT";
                nodeAdmin.broadcast(sysop.handle(), rest);
                return "";
            });
            default -> {
                session.writeLine("Unknown command: " + command + ". Type help for the sysop commands.");
                prompt();
            }
        }
    }

    private void kick(String rest) {
        String[] parts = rest.split("\\s+", 2);
        String target = parts[0];
        Optional<String> reason = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        run(sysop -> {
            if (target.isEmpty()) return "Usage: kick HANDLE|NODE [REASON]";
            if (target.equalsIgnoreCase(sysop.handle()) || target.equals(String.valueOf(session.node()))) {
                return "Cannot kick yourself";
            }
            return "*** Kicked " + target + " " + nodeAdmin.kick(sysop.handle(), target, reason).describe();
        });
    }

    private void run(Function<User, String> action) {
        rights.act(session, WHAT, action, answer -> {
            if (!answer.isEmpty()) session.write(answer.endsWith("\n") ? answer : answer + "\n");
            prompt();
        });
    }

    /** Every node: number, handle, transport, address, activity, idle time. */
    private String nodeList() {
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder(String.format("%4s  %-20s  %-6s  %-21s  %-16s  %7s%n",
                "Node", "Handle", "Via", "From", "Activity", "Idle"));
        for (NodeInfo node : nodes.snapshot()) {
            Duration idle = node.handle().flatMap(presence::find).map(p -> p.idle(now))
                    .orElse(Duration.between(node.lastInputAt(), now));
            String activity = node.node() == session.node() ? ACTIVITY : node.activity();
            String status = node.handle().flatMap(presence::find).map(UserPresence::status)
                    .map(Status::wireName).orElse("");
            out.append(String.format("%4d  %-20s  %-6s  %-21s  %-16s  %7s  %s%n", node.node(),
                    node.handle().orElse("-"), node.transport(), node.remoteAddress(), activity,
                    WhoList.idle(idle), status));
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
