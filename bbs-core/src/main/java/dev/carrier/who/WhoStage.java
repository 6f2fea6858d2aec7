package dev.carrier.who;

import dev.carrier.bus.Bus;
import dev.carrier.presence.PresenceEvent;
import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.terminal.Ansi;
import dev.carrier.terminal.TerminalInfo;
import java.util.List;

/**
 * {@code __who__}: every node, who is on it, their status, what they do, idle time, transport,
 * and who is offline. The list is live until the caller presses a key: a status change redraws
 * it on a terminal that moves its cursor, and is told as one line on others.
 */
public final class WhoStage implements Stage {

    public static final String ID = "__who__";
    public static final String ACTIVITY = "Who's Online";

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private final Session session;
    private final WhoDirectory directory;
    private final ProfileCard cards;
    private final Bus bus;
    private Bus.Subscription live;
    private long inputsAtList;
    private boolean drawing;
    private boolean changedWhileDrawing;

    public WhoStage(Session session, WhoDirectory directory, ProfileCard cards, Bus bus) {
        this.session = session;
        this.directory = directory;
        this.cards = cards;
        this.bus = bus;
    }

    public static Service service(WhoDirectory directory, ProfileCard cards, Bus bus) {
        return new Service(ID, session -> new WhoStage(session, directory, cards, bus));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        drawing = true;
        session.await(directory.rows(session.node(), ACTIVITY), rows -> {
            drawing = false;
            session.write(render(rows));
            session.prompt(PROMPT, InputMode.LINE);
            inputsAtList = session.inputs();
            // Bus subscribers only hand work on: the change is handled on the session's executor.
            live = bus.subscribe(message -> {
                if (message instanceof PresenceEvent event) session.execute(() -> changed(event));
            });
        });
    }

    /** After the list, a handle shows that user's card; Enter goes back to the menu. */
    public static final String PROMPT = "Handle for details, or Enter for the menu: ";

    private String render(List<WhoRow> rows) {
        return WhoList.render(rows, session);
    }

    private void changed(PresenceEvent event) {
        if (live == null) return;
        if (session.inputs() != inputsAtList) {
            stopLive();
            return;
        }
        TerminalInfo info = session.terminal().info();
        if (!Ansi.movesCursor(info)) {
            session.interject("*** " + event.displayName() + " is now "
                    + WhoList.title(event.to(), session.colour()) + "\n");
            return;
        }
        if (drawing) {
            changedWhileDrawing = true;
            return;
        }
        redraw();
    }

    /** Reads the list again and draws it over the screen; changes meanwhile draw once more after. */
    private void redraw() {
        drawing = true;
        session.await(directory.rows(session.node(), ACTIVITY), rows -> {
            drawing = false;
            if (live == null || session.inputs() != inputsAtList) return;
            session.write(Ansi.moveTo(1, 1) + Ansi.eraseScreen() + render(rows).substring(1));
            session.prompt(PROMPT, InputMode.LINE);
            if (changedWhileDrawing) {
                changedWhileDrawing = false;
                redraw();
            }
        });
    }

    private void stopLive() {
        if (live != null) live.cancel();
        live = null;
    }

    @Override
    public void onLine(String line) {
        stopLive();
        String handle = line.strip();
        if (handle.isEmpty()) {
            session.backToMenu();
            return;
        }
        cards.show(session, handle, () -> session.prompt(PROMPT, InputMode.LINE));
    }

    @Override
    public void exit() {
        stopLive();
    }
}
