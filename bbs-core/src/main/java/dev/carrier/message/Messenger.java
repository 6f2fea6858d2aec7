package dev.carrier.message;

import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import dev.carrier.session.Workers;
import dev.carrier.text.TextCleaner;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct messages and pages between users, wherever they are: in chat, at a menu, or offline
 * (then stored and shown at their next login, once). Every method is called on the sending
 * session's executor and answers the sender there.
 */
public final class Messenger implements SessionListener {

    public static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Nodes nodes;
    private final Presence presence;
    private final MessageStore store;
    private final UserStore users;
    private final Workers workers;
    private final Clock clock;
    private final ConcurrentHashMap<String, String> lastSender = new ConcurrentHashMap<>();

    public Messenger(Nodes nodes, Presence presence, MessageStore store, UserStore users, Workers workers,
            Clock clock) {
        this.nodes = nodes;
        this.presence = presence;
        this.store = store;
        this.users = users;
        this.workers = workers;
        this.clock = clock;
    }

    /** {@code /msg bob hi}. */
    public void send(Session sender, String to, String text) {
        User from = sender.requireUser();
        String clean = TextCleaner.clean(text, MAX_TEXT);
        if (clean.isEmpty()) {
            sender.writeLine("Usage: /msg HANDLE TEXT");
            return;
        }
        if (from.handle().equalsIgnoreCase(to)) {
            sender.writeLine("Cannot message yourself");
            return;
        }
        List<Session> targets = nodes.sessionsOf(to);
        if (targets.isEmpty()) {
            sendOffline(sender, from, to, clean);
            return;
        }
        String recipient = targets.get(0).requireUser().handle();
        Instant now = clock.instant();
        DirectMessage message = new DirectMessage(UUID.randomUUID(), from.handle(), recipient, clean, now,
                DirectMessage.Method.DIRECT, Optional.of(now), Optional.empty());
        workers.run(() -> store.save(message));
        lastSender.put(key(recipient), from.handle());
        boolean ring = presence.status(recipient) != Status.DND;
        for (Session target : targets) target.tell("[DM from " + from.handle() + "] " + clean, ring);
        sender.writeLine("[DM to " + recipient + "] " + clean);
        for (Session mine : nodes.sessionsOf(from.handle())) {
            if (mine != sender) mine.tell("[DM to " + recipient + "] " + clean, false);
        }
    }

    private void sendOffline(Session sender, User from, String to, String clean) {
        sender.await(workers.submit(() -> {
            Optional<User> recipient = users.find(to);
            recipient.ifPresent(user -> store.save(new DirectMessage(UUID.randomUUID(), from.handle(),
                    user.handle(), clean, clock.instant(), DirectMessage.Method.OFFLINE, Optional.empty(),
                    Optional.empty())));
            return recipient;
        }), recipient -> {
            sender.writeLine(to + " is not online");
            recipient.ifPresent(user ->
                    sender.writeLine("*** " + user.handle() + " will see your message at their next login."));
        });
    }

    /** {@code /r thanks}: to whoever last sent this user a DM, on any of their connections. */
    public void reply(Session sender, String text) {
        String to = lastSender.get(key(sender.requireUser().handle()));
        if (to == null) {
            sender.writeLine("No one to reply to");
            return;
        }
        send(sender, to, text);
    }

    /** {@code /page bob}: a bell and a line for bob, unless bob does not want to be disturbed. */
    public void page(Session sender, String to) {
        String from = sender.requireUser().handle();
        if (from.equalsIgnoreCase(to)) {
            sender.writeLine("Cannot page yourself");
            return;
        }
        List<Session> targets = nodes.sessionsOf(to);
        if (targets.isEmpty()) {
            sender.writeLine(to + " is not online");
            return;
        }
        String recipient = targets.get(0).requireUser().handle();
        if (presence.status(recipient) == Status.DND) {
            sender.writeLine("*** " + recipient + " does not want to be disturbed");
            return;
        }
        for (Session target : targets) target.tell("*** " + from + " is paging you", true);
        sender.writeLine("*** Paged " + recipient);
    }

    /** Messages that waited while the user was away, shown once, on the connection that logs in. */
    @Override
    public void loggedIn(Session session) {
        String handle = session.requireUser().handle();
        workers.submit(() -> store.takeWaiting(handle, clock.instant())).thenAccept(waiting -> {
            if (waiting.isEmpty()) return;
            StringBuilder text = new StringBuilder("You have ").append(waiting.size())
                    .append(waiting.size() == 1 ? " message waiting\n" : " messages waiting\n");
            for (DirectMessage message : waiting) {
                text.append("[DM from ").append(message.from()).append(", ")
                        .append(WHEN.format(message.sentAt())).append("] ").append(message.text()).append('\n');
                lastSender.put(key(handle), message.from());
            }
            session.tell(text.toString(), true);
        });
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
