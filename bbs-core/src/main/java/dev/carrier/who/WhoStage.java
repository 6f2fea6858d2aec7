package dev.carrier.who;

import dev.carrier.presence.Presence;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.InputMode;
import dev.carrier.session.NodeInfo;
import dev.carrier.session.Nodes;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code __who__}: every node, who is on it, their status, what they do, idle time, transport. */
public final class WhoStage implements Stage {

    public static final String ID = "__who__";
    public static final String ACTIVITY = "Who's Online";

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private final Session session;
    private final Presence presence;
    private final Nodes nodes;
    private final ProfileCard cards;
    private final Clock clock;

    public WhoStage(Session session, Presence presence, Nodes nodes, ProfileCard cards, Clock clock) {
        this.session = session;
        this.presence = presence;
        this.nodes = nodes;
        this.cards = cards;
        this.clock = clock;
    }

    public static Service service(Presence presence, Nodes nodes, ProfileCard cards, Clock clock) {
        return new Service(ID, session -> new WhoStage(session, presence, nodes, cards, clock));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        session.write(WhoList.render(rows()));
        session.prompt(PROMPT, InputMode.LINE);
    }

    /** After the list, a handle shows that user's card; Enter goes back to the menu. */
    public static final String PROMPT = "Handle for details, or Enter for the menu: ";

    /** The node table as W shows it; idle time and status are the user's, across connections. */
    private List<WhoRow> rows() {
        Instant now = clock.instant();
        List<WhoRow> rows = new ArrayList<>();
        for (NodeInfo node : nodes.snapshot()) {
            String activity = node.node() == session.node() ? ACTIVITY : node.activity();
            Optional<UserPresence> user = node.handle().flatMap(presence::find);
            Duration idle = user.map(p -> p.idle(now)).orElse(Duration.between(node.lastInputAt(), now));
            rows.add(new WhoRow(Optional.of(node.node()), node.handle().orElse("-"),
                    node.handle().map(h -> user.map(UserPresence::status).orElse(dev.carrier.presence.Status.ONLINE)),
                    user.flatMap(UserPresence::text), idle, activity, node.transport()));
        }
        // People connected only through a JSON client (an app, a bot) hold no node, but are here.
        for (UserPresence user : presence.all()) {
            if (!nodes.isOnline(user.handle())) {
                rows.add(new WhoRow(Optional.empty(), user.handle(), Optional.of(user.status()), user.text(),
                        user.idle(now), "Using an app", "json"));
            }
        }
        return rows;
    }

    @Override
    public void onLine(String line) {
        String handle = line.strip();
        if (handle.isEmpty()) {
            session.backToMenu();
            return;
        }
        cards.show(session, handle, () -> session.prompt(PROMPT, InputMode.LINE));
    }
}
