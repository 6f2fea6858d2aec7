package dev.carrier.admin;

import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatEvent;
import dev.carrier.chat.ChatRenderer;
import dev.carrier.sysop.SysopChatLine;
import dev.carrier.sysop.SysopPage;
import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import dev.carrier.store.Timestamps;
import dev.carrier.terminal.TerminalInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sysop's live feed: connects, logins, logouts and disconnects (told by the engine) and the
 * chat room's lines (seen on the bus), as {@link TailEvent}s handed to every subscriber.
 * Direct messages are private and never appear here.
 *
 * <p>Events arrive on session executors and on publishers' threads; subscribers must only hand
 * them on (to a connection's write queue), never block.
 */
public final class EventFeed implements SessionListener {

    private final Clock clock;
    private final List<Consumer<TailEvent>> subscribers = new CopyOnWriteArrayList<>();

    public EventFeed(Clock clock) {
        this.clock = clock;
    }

    /** Starts receiving; the returned action stops it. */
    public Runnable subscribe(Consumer<TailEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** A bus subscriber: the chat rooms' lines as every viewer sees them, and callers paging the sysop. */
    public void onBus(BusMessage message) {
        if (message instanceof SysopChatLine line && !subscribers.isEmpty()) {
            publish(new TailEvent(Timestamps.format(line.at()), line.ended() ? "breakin_end" : "breakin", null,
                    line.caller(), line.text()));
        }
        if (message instanceof SysopPage page && !subscribers.isEmpty()) {
            publish(new TailEvent(Timestamps.format(page.at()), "page", null, page.from(),
                    page.from() + " is paging the sysop"));
        }
        if (message instanceof ChatEvent event && !subscribers.isEmpty()) {
            String handle = null;
            if (event instanceof ChatEvent.Public p) handle = p.from();
            if (event instanceof ChatEvent.Action a) handle = a.from();
            if (event instanceof ChatEvent.Join j) handle = j.handle();
            if (event instanceof ChatEvent.Leave l) handle = l.handle();
            publish(new TailEvent(Timestamps.format(event.at()), "chat", null, handle, ChatRenderer.render(event)));
        }
    }

    @Override
    public void opened(Session session) {
        TerminalInfo info = session.terminal().info();
        publish(event("connect", session, null,
                info.transport() + " from " + info.remoteAddress() + " (" + info.type() + ")"));
    }

    @Override
    public void loggedIn(Session session) {
        publish(event("login", session, session.requireUser().handle(), null));
    }

    @Override
    public void loggedOut(Session session) {
        publish(event("logout", session, session.requireUser().handle(), null));
    }

    @Override
    public void closed(Session session) {
        publish(event("disconnect", session, session.user().map(user -> user.handle()).orElse(null), null));
    }

    private TailEvent event(String kind, Session session, String handle, String text) {
        return new TailEvent(Timestamps.format(clock.instant()), kind, session.node(), handle, text);
    }

    private void publish(TailEvent event) {
        for (Consumer<TailEvent> subscriber : subscribers) subscriber.accept(event);
    }
}
