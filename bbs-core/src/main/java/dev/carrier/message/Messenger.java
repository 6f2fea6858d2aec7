package dev.carrier.message;

import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct messages and pages between users, however they are connected: every open inbox of
 * the recipient gets a message at once, and every inbox of the sender sees it as sent; a
 * recipient with none gets it stored and shown at their next login, once. Telnet {@code /msg}
 * and the JSON {@code send_message} are this same operation.
 */
public final class Messenger implements SessionListener {

    public static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Inboxes inboxes;
    private final Presence presence;
    private final MessageStore store;
    private final UserStore users;
    private final Workers workers;
    private final Clock clock;
    private final ConcurrentHashMap<String, String> lastSender = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Session, Inbox> terminals = new ConcurrentHashMap<>();

    public Messenger(Inboxes inboxes, Presence presence, MessageStore store, UserStore users, Workers workers,
            Clock clock) {
        this.inboxes = inboxes;
        this.presence = presence;
        this.store = store;
        this.users = users;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Sends a direct message: stores it on a worker, then delivers it to the recipient's open
     * inboxes, or keeps it for their next login when they have none.
     */
    public CompletableFuture<SendResult> send(String from, String to, String text) {
        if (text.length() > MAX_TEXT) {
            return refused(SendResult.Reason.TOO_LONG, "text must be at most " + MAX_TEXT + " characters");
        }
        String clean = TextCleaner.clean(text, MAX_TEXT);
        if (clean.isEmpty()) return refused(SendResult.Reason.EMPTY, "text must not be empty");
        if (from.equalsIgnoreCase(to)) return refused(SendResult.Reason.TO_SELF, "Cannot message yourself");
        Optional<String> online = inboxes.onlineHandle(to);
        if (online.isPresent()) {
            Instant now = clock.instant();
            DirectMessage message = new DirectMessage(UUID.randomUUID(), from, online.get(), clean, now,
                    DirectMessage.Method.DIRECT, Optional.of(now), Optional.empty());
            // Stored before anyone sees it, so a read mark or a history request never misses it.
            return workers.submit(() -> {
                store.save(message);
                deliver(message);
                return new SendResult.Delivered(message);
            });
        }
        return workers.submit(() -> {
            Optional<User> recipient = users.find(to);
            if (recipient.isEmpty()) {
                return new SendResult.Refused(SendResult.Reason.NO_SUCH_USER, to + " is not online");
            }
            DirectMessage message = new DirectMessage(UUID.randomUUID(), from, recipient.get().handle(), clean,
                    clock.instant(), DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty());
            store.save(message);
            for (Inbox mine : inboxes.of(from)) mine.direct(message, true, false);
            return new SendResult.Stored(message);
        });
    }

    private void deliver(DirectMessage message) {
        lastSender.put(key(message.to()), message.from());
        boolean ring = presence.status(message.to()) != Status.DND;
        for (Inbox theirs : inboxes.of(message.to())) theirs.direct(message, false, ring);
        for (Inbox mine : inboxes.of(message.from())) mine.direct(message, true, false);
    }

    private static CompletableFuture<SendResult> refused(SendResult.Reason reason, String message) {
        return CompletableFuture.completedFuture(new SendResult.Refused(reason, message));
    }

    /** Whoever last sent this user a DM, on any of their connections. */
    public Optional<String> lastSender(String handle) {
        return Optional.ofNullable(lastSender.get(key(handle)));
    }

    /** Rings a user's bell on every connection, unless they do not want to be disturbed. */
    public Page page(String from, String to) {
        if (from.equalsIgnoreCase(to)) return new Page(Page.Outcome.TO_SELF, to);
        Optional<String> online = inboxes.onlineHandle(to);
        if (online.isEmpty()) return new Page(Page.Outcome.NOT_ONLINE, to);
        if (presence.status(online.get()) == Status.DND) return new Page(Page.Outcome.DO_NOT_DISTURB, online.get());
        for (Inbox theirs : inboxes.of(online.get())) theirs.paged(from);
        return new Page(Page.Outcome.PAGED, online.get());
    }

    /** What became of a page; {@code handle} is spelled as the user spells it when they are online. */
    public record Page(Outcome outcome, String handle) {
        public enum Outcome { PAGED, NOT_ONLINE, DO_NOT_DISTURB, TO_SELF }
    }

    /** Opens an inbox for a JSON client or any other non-terminal connection. */
    public void open(String handle, Inbox inbox) {
        inboxes.open(handle, inbox);
    }

    public void close(String handle, Inbox inbox) {
        inboxes.close(handle, inbox);
    }

    /**
     * Takes the messages that waited while the user was away (each is handed out once, to the
     * first connection that asks) and remembers their senders for {@code /r}.
     */
    public CompletableFuture<List<DirectMessage>> takeWaiting(String handle) {
        return workers.submit(() -> {
            List<DirectMessage> waiting = store.takeWaiting(handle, clock.instant());
            for (DirectMessage message : waiting) lastSender.put(key(handle), message.from());
            return waiting;
        });
    }

    /** Reading history and read marks, for JSON clients; on a worker. */
    public CompletableFuture<List<DirectMessage>> history(String user, String peer, Instant before, int limit) {
        return workers.submit(() -> store.history(user, peer, before, limit));
    }

    /** History before one of its messages; empty when that is no message between the two. */
    public CompletableFuture<Optional<List<DirectMessage>>> historyBefore(String user, String peer, UUID before,
            int limit) {
        return workers.submit(() -> store.historyBefore(user, peer, before, limit));
    }

    public CompletableFuture<Integer> markRead(String reader, String peer, UUID upTo) {
        return workers.submit(() -> store.markRead(reader, peer, upTo, clock.instant()));
    }

    // ---- terminal sessions ---------------------------------------------------------------------

    @Override
    public void loggedIn(Session session) {
        String handle = session.requireUser().handle();
        TerminalInbox inbox = new TerminalInbox(session);
        terminals.put(session, inbox);
        inboxes.open(handle, inbox);
        takeWaiting(handle).thenAccept(waiting -> {
            if (waiting.isEmpty()) return;
            StringBuilder text = new StringBuilder("You have ").append(waiting.size())
                    .append(waiting.size() == 1 ? " message waiting\n" : " messages waiting\n");
            for (DirectMessage message : waiting) {
                text.append("[DM from ").append(message.from()).append(", ")
                        .append(WHEN.format(message.sentAt())).append("] ").append(message.text()).append('\n');
            }
            session.tell(text.toString(), true);
        });
    }

    @Override
    public void loggedOut(Session session) {
        Inbox inbox = terminals.remove(session);
        if (inbox != null) inboxes.close(session.requireUser().handle(), inbox);
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
