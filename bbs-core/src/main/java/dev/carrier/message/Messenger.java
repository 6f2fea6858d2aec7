package dev.carrier.message;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.InProcessBus;
import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.runtime.Workers;
import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import dev.carrier.store.Timestamps;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

/**
 * Direct messages and pages between users, however they are connected: every open sink of
 * the recipient gets a message at once, and every sink of the sender sees it as sent; a
 * recipient with none gets it stored and shown at their next login. Telnet {@code /msg}
 * and the JSON {@code send_message} are this same operation, spending from the sender's
 * {@link SendBudgets}.
 *
 * <p>Delivery follows what was written: a message is stored waiting, and marked delivered only
 * when one of the recipient's sinks reports it written to its connection. Whether the
 * recipient looked online when it was sent decides only what the sender is told; a message whose
 * sinks all closed first simply stays waiting for the next login. A recipient may have at most
 * {@code maxWaiting} messages waiting; beyond that sends are refused and the sender told.
 *
 * <p>One path on one server and on several: a stored message and a page go out on the bus
 * ({@link DirectMessagePosted}, {@link Paged}) and every server's messenger hands them to its own
 * sinks, so a recipient connected to another server gets them there. Who is online (what the
 * sender is told) is {@link Presence}'s answer, which covers every server.
 */
public final class Messenger implements SessionListener {

    public static final int MAX_TEXT = 2000;
    /** Waiting messages handed to a JSON client at once; the next page follows once these are written. */
    public static final int WAITING_PAGE = 100;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final MessageSinks sinks;
    private final Bus bus;
    private final Presence presence;
    private final MessageStore store;
    private final UserStore users;
    private final Workers workers;
    private final Clock clock;
    private final SendBudgets budgets;
    private final int maxWaiting;
    private final BiPredicate<String, String> ignores;
    private final ConcurrentHashMap<String, String> lastSender = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Session, MessageSink> terminals = new ConcurrentHashMap<>();
    /** Per user, delivery marks not yet stored; an entry lives only while its marks are written. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> marking = new ConcurrentHashMap<>();
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    public Messenger(MessageSinks sinks, Presence presence, MessageStore store, UserStore users, Workers workers,
            Clock clock, SendBudgets budgets, int maxWaiting) {
        this(sinks, presence, store, users, workers, clock, budgets, maxWaiting, (reader, sender) -> false);
    }

    /** A messenger alone on its own bus: what it sends reaches only the sinks opened here. */
    public Messenger(MessageSinks sinks, Presence presence, MessageStore store, UserStore users, Workers workers,
            Clock clock, SendBudgets budgets, int maxWaiting, BiPredicate<String, String> ignores) {
        this(sinks, presence, store, users, workers, clock, budgets, maxWaiting, ignores, new InProcessBus());
    }

    /**
     * @param ignores whether the first handle ignores the second: then their messages and pages are
     *                dropped, and the sender sees them go as if delivered
     * @param bus     where messages and pages go out to every server's sinks, this one's included
     */
    @SuppressWarnings("this-escape") // the subscriber only reads final fields set before it
    public Messenger(MessageSinks sinks, Presence presence, MessageStore store, UserStore users, Workers workers,
            Clock clock, SendBudgets budgets, int maxWaiting, BiPredicate<String, String> ignores, Bus bus) {
        this.ignores = ignores;
        this.bus = bus;
        this.sinks = sinks;
        this.presence = presence;
        this.store = store;
        this.users = users;
        this.workers = workers;
        this.clock = clock;
        this.budgets = budgets;
        this.maxWaiting = maxWaiting;
        bus.subscribe(this::onBus);
    }

    /**
     * Sends a direct message: stores it on a worker (unless the recipient's waiting messages are
     * at the cap), then hands it to the recipient's open sinks, where it counts as delivered
     * once one of them has written it.
     */
    public CompletableFuture<SendResult> send(String from, String to, String text) {
        if (text.length() > MAX_TEXT) {
            return refused(SendResult.Reason.TOO_LONG, "text must be at most " + MAX_TEXT + " characters");
        }
        String clean = TextCleaner.clean(text, MAX_TEXT);
        if (clean.isEmpty()) return refused(SendResult.Reason.EMPTY, "text must not be empty");
        if (from.equalsIgnoreCase(to)) return refused(SendResult.Reason.TO_SELF, "Cannot message yourself");
        if (!budgets.tryMessage(from)) return refused(SendResult.Reason.RATE_LIMITED, budgets.retryHint(from));
        return workers.submit(() -> {
            Optional<String> online = onlineHandle(to);
            Optional<String> handle = online.isPresent() ? online : users.find(to).map(User::handle);
            if (handle.isEmpty()) {
                return new SendResult.Refused(SendResult.Reason.NO_SUCH_USER, to + " is not online");
            }
            DirectMessage message = new DirectMessage(UUID.randomUUID(), from, handle.get(), clean, clock.instant(),
                    online.isPresent() ? DirectMessage.Method.DIRECT : DirectMessage.Method.OFFLINE,
                    Optional.empty(), Optional.empty());
            if (ignores.test(handle.get(), from)) {
                // Neither kept nor shown; the sender is not told, so it goes as a delivered one would.
                DirectMessage gone = withDelivered(new DirectMessage(message.id(), from, handle.get(), clean,
                        message.sentAt(), DirectMessage.Method.DIRECT, Optional.empty(), Optional.empty()));
                bus.publish(new DirectMessagePosted(gone, true, true));
                return new SendResult.Delivered(gone);
            }
            // Stored before anyone sees it, so a read mark or a history request never misses it.
            if (!store.saveUnlessFull(message, maxWaiting)) {
                return new SendResult.Refused(SendResult.Reason.RECIPIENT_FULL, handle.get()
                        + "'s mailbox of waiting messages is full (" + maxWaiting + "); try mail or later");
            }
            bus.publish(new DirectMessagePosted(message, false, online.isPresent()));
            return online.isPresent() ? new SendResult.Delivered(message) : new SendResult.Stored(message);
        });
    }

    /** The handle as the user spells it, when they are online here or on any other server. */
    private Optional<String> onlineHandle(String handle) {
        Optional<String> here = sinks.onlineHandle(handle);
        return here.isPresent() ? here : presence.find(handle).map(UserPresence::handle);
    }

    /** What the bus brings, from this server or another: shown on this server's sinks. */
    private void onBus(BusMessage message) {
        if (message instanceof DirectMessagePosted posted) {
            deliverHere(posted);
        } else if (message instanceof Paged paged && !ignores.test(paged.to(), paged.from())) {
            for (MessageSink theirs : sinks.of(paged.to())) theirs.paged(paged.from());
        }
    }

    /**
     * Hands a message to this server's sinks of its recipient and of its sender. The first
     * recipient's sink that writes it, on any server, marks it delivered (the mark is idempotent).
     */
    private void deliverHere(DirectMessagePosted posted) {
        DirectMessage message = posted.message();
        if (!posted.ignored()) {
            List<MessageSink> theirs = sinks.of(message.to());
            if (!theirs.isEmpty()) {
                lastSender.put(key(message.to()), message.from());
                boolean ring = presence.status(message.to()) != Status.DND;
                Runnable shown = once(() -> markDelivered(message.to(), List.of(message)));
                // Live connections see it as delivered now; the store says so once one has written it.
                DirectMessage live = withDelivered(message);
                for (MessageSink sink : theirs) sink.direct(live, false, ring, shown);
            }
        }
        DirectMessage mine = posted.recipientOnline() && !posted.ignored() ? withDelivered(message) : message;
        for (MessageSink sink : sinks.of(message.from())) sink.direct(mine, true, false, () -> { });
    }

    private DirectMessage withDelivered(DirectMessage message) {
        return new DirectMessage(message.id(), message.from(), message.to(), message.text(), message.sentAt(),
                message.method(), Optional.of(message.sentAt()), message.readAt());
    }

    private static Runnable once(Runnable task) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) task.run();
        };
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
        if (!budgets.tryMessage(from)) return new Page(Page.Outcome.SLOW_DOWN, to);
        Optional<String> online = onlineHandle(to);
        if (online.isEmpty()) return new Page(Page.Outcome.NOT_ONLINE, to);
        if (presence.status(online.get()) == Status.DND) return new Page(Page.Outcome.DO_NOT_DISTURB, online.get());
        if (ignores.test(online.get(), from)) return new Page(Page.Outcome.PAGED, online.get()); // not told
        bus.publish(new Paged(from, online.get()));
        return new Page(Page.Outcome.PAGED, online.get());
    }

    /** What became of a page; {@code handle} is spelled as the user spells it when they are online. */
    public record Page(Outcome outcome, String handle) {
        public enum Outcome { PAGED, NOT_ONLINE, DO_NOT_DISTURB, TO_SELF, SLOW_DOWN }
    }

    /** Opens an sink for a JSON client or any other non-terminal connection. */
    public void open(String handle, MessageSink sink) {
        sinks.open(handle, sink);
    }

    public void close(String handle, MessageSink sink) {
        sinks.close(handle, sink);
    }

    /** Some of the messages waiting for a user, oldest first, and how many wait in all. */
    public record Waiting(List<DirectMessage> page, int total) {}

    /**
     * Up to {@code limit} messages waiting for the user, after the given one (from the oldest when
     * empty), and how many wait in all. Marks nothing: call {@link #delivered} once the page
     * has been written to a connection.
     */
    public CompletableFuture<Waiting> waiting(String handle, Optional<UUID> after, int limit) {
        // After any marks still being written, so a page just shown is not read again.
        return marking.getOrDefault(key(handle), DONE).exceptionally(failure -> null).thenCompose(ignored ->
                workers.submit(() -> new Waiting(store.waiting(handle, after, limit), store.countWaiting(handle))));
    }

    /** How many direct messages wait for the user, unread (for a status line); on a worker. */
    public CompletableFuture<Integer> countWaiting(String handle) {
        return workers.submit(() -> store.countWaiting(handle));
    }

    /** These waiting messages were written to one of the user's connections: no longer waiting. */
    public CompletableFuture<Void> delivered(String handle, List<DirectMessage> messages) {
        if (!messages.isEmpty()) lastSender.put(key(handle), messages.get(messages.size() - 1).from());
        return markDelivered(handle, messages);
    }

    private CompletableFuture<Void> markDelivered(String handle, List<DirectMessage> messages) {
        if (messages.isEmpty()) return CompletableFuture.completedFuture(null);
        List<UUID> ids = messages.stream().map(DirectMessage::id).toList();
        String key = key(handle);
        CompletableFuture<Void> marked = workers.run(() -> store.markDelivered(handle, ids, clock.instant()));
        CompletableFuture<Void> all = marking.merge(key, marked, (earlier, later) ->
                CompletableFuture.allOf(earlier.exceptionally(failure -> null), later));
        all.whenComplete((ignored, failure) -> marking.remove(key, all));
        return marked;
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

    /** Marks {@code peer}'s messages up to {@code upTo} read; the time they were marked, when any were. */
    public CompletableFuture<Optional<Instant>> markRead(String reader, String peer, UUID upTo) {
        Instant now = Timestamps.stored(clock.instant());
        return workers.submit(() -> store.markRead(reader, peer, upTo, now) > 0 ? Optional.of(now) : Optional.empty());
    }

    /** The user's conversations, most recent first (see {@link MessageStore#conversations}). */
    public CompletableFuture<List<Conversation>> conversations(String user, int limit) {
        return workers.submit(() -> store.conversations(user, limit));
    }

    // ---- terminal sessions ---------------------------------------------------------------------

    @Override
    public void loggedIn(Session session) {
        String handle = session.requireUser().handle();
        TerminalMessageSink sink = new TerminalMessageSink(session);
        terminals.put(session, sink);
        sinks.open(handle, sink);
        showWaiting(session);
    }

    /**
     * At login, one screenful of the messages waiting for the session's user, oldest first, and
     * how many more wait. The screenful counts as delivered once it has been written to the
     * session's connection; a user who hangs up first sees it again at the next login.
     */
    private void showWaiting(Session session) {
        String handle = session.requireUser().handle();
        waiting(handle, Optional.empty(), screenful(session)).whenComplete((waiting, failure) -> {
            if (failure != null) {
                session.tell("*** Your waiting messages cannot be read just now; try /msgs in chat later.", false);
            } else if (!waiting.page().isEmpty()) {
                session.tell(render(waiting, true), true, () -> delivered(handle, waiting.page()));
            }
        });
    }

    /** How many waiting messages make a screenful on this session: its rows less a header, a footer and the prompt. */
    public static int screenful(Session session) {
        return Math.max(5, session.screenRows() - 3);
    }

    /** A page of waiting messages as lines, with the count at login and what is left after it. */
    public static String render(Waiting waiting, boolean atLogin) {
        StringBuilder text = new StringBuilder();
        if (atLogin) {
            text.append("You have ").append(waiting.total())
                    .append(waiting.total() == 1 ? " message waiting\n" : " messages waiting\n");
        }
        for (DirectMessage message : waiting.page()) {
            text.append("[DM from ").append(message.from()).append(", ")
                    .append(WHEN.format(message.sentAt())).append("] ").append(message.text()).append('\n');
        }
        int more = waiting.total() - waiting.page().size();
        if (more > 0) text.append(moreWaiting(more)).append('\n');
        return text.toString();
    }

    /** The line that says how to read what is still waiting. */
    public static String moreWaiting(int more) {
        return "*** " + more + (more == 1 ? " more message" : " more messages")
                + " waiting; read them with /msgs in chat";
    }

    @Override
    public void loggedOut(Session session) {
        MessageSink sink = terminals.remove(session);
        if (sink != null) sinks.close(session.requireUser().handle(), sink);
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
