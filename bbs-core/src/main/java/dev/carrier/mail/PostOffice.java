package dev.carrier.mail;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.message.SendBudgets;
import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.runtime.Workers;
import dev.carrier.session.Nodes;
import dev.carrier.store.StoreException;
import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail between users: addressing, sending, and the mailbox operations the inbox needs, each run
 * on the worker pool and answered with a future that a stage hands to {@link Session#await}.
 * Tells online recipients of new mail at once, on whichever server they are (a {@link MailNotice}
 * on the bus that every server shows on its own sessions), and everyone at login how many letters
 * are new.
 *
 * <p>Holds no state of its own; safe to share between sessions and threads.
 */
public final class PostOffice implements SessionListener {

    private static final Logger log = LoggerFactory.getLogger(PostOffice.class);

    /** What a caller reads when the mail's store is away. */
    public static final String UNAVAILABLE = "*** Mail is unavailable just now; try again shortly.";

    private final MailStore store;
    private final UserStore users;
    private final Nodes nodes;
    private final Presence presence;
    private final Workers workers;
    private final Clock clock;
    private final SendBudgets budgets;
    private volatile IntConsumer sent = letters -> { };
    private final BiPredicate<String, String> ignores;
    private final Bus bus;

    /**
     * @param ignores whether the first handle ignores the second: no new-mail notice from them
     * @param bus     where new-mail notices go out to every server's sessions, this one's included
     */
    @SuppressWarnings("this-escape") // the subscriber only reads final fields set before it
    public PostOffice(MailStore store, UserStore users, Nodes nodes, Presence presence, Workers workers, Clock clock,
            SendBudgets budgets, BiPredicate<String, String> ignores, Bus bus) {
        this.ignores = ignores;
        this.bus = bus;
        this.budgets = budgets;
        this.store = store;
        this.users = users;
        this.nodes = nodes;
        this.presence = presence;
        this.workers = workers;
        this.clock = clock;
        bus.subscribe(this::onBus);
    }

    /** Told how many letters each send stored (one per mailbox), for the metrics; wiring time only. */
    public void onSent(IntConsumer letters) {
        this.sent = letters;
    }

    /** What a typed {@code To:} line names: a user who exists, or {@code all} for a sysop. */
    public CompletableFuture<Addressing> address(User sender, String typed) {
        String to = typed.strip();
        return workers.submit(() -> {
            if (to.equalsIgnoreCase(MailRules.ALL)) {
                return isSysop(sender)
                        ? new Addressing.Found(new Recipient.All())
                        : new Addressing.Refused("only sysops can write to all");
            }
            return users.find(to).<Addressing>map(user -> new Addressing.Found(new Recipient.One(user.handle())))
                    .orElseGet(() -> new Addressing.Refused("no such user: " + to));
        });
    }

    /** Asks the store, not the session's copy of the user: sysop rights may have been taken since login. */
    private boolean isSysop(User user) {
        return users.findById(user.id()).map(User::sysop).orElse(false);
    }

    /**
     * Stores the letter, then tells the recipients who are online. The future completes normally
     * either way: a letter that could not be stored is {@link LetterOutcome.NotSent} with the reason.
     */
    public CompletableFuture<LetterOutcome> send(User sender, Draft draft) {
        // A letter spends from the same budget as chat lines and DMs: one per send.
        if (!budgets.tryMessage(sender.handle())) {
            return CompletableFuture.completedFuture(new LetterOutcome.NotSent(budgets.retryHint(sender.handle())));
        }
        return workers.submit(() -> {
            Optional<String> problem = MailRules.subjectProblem(draft.subject())
                    .or(() -> MailRules.bodyProblem(draft.lines()));
            if (problem.isPresent()) return new LetterOutcome.NotSent(problem.get());
            try {
                LetterOutcome delivery = deliver(sender, draft);
                if (delivery instanceof LetterOutcome.Sent stored) {
                    sent.accept(stored.recipients().size());
                    announce(sender.handle(), stored);
                }
                return delivery;
            } catch (RuntimeException e) {
                log.warn("letter from {} to {} not stored: {}", sender.handle(), draft.to().shown(), e.toString());
                return new LetterOutcome.NotSent(e instanceof StoreException
                        ? "mail is unavailable just now; try again shortly" : "the letter could not be stored just now");
            }
        }).exceptionally(failure -> {
            // The pool refused the task: the draft stays with the user to try again.
            log.warn("letter from {} not sent: {}", sender.handle(), failure.toString());
            return new LetterOutcome.NotSent("the server is too busy just now");
        });
    }

    private LetterOutcome deliver(User sender, Draft draft) {
        if (draft.to() instanceof Recipient.One one) {
            return store.send(sender.handle(), one.handle(), draft.subject(), draft.body(), clock.instant())
                    .<LetterOutcome>map(letter -> new LetterOutcome.Sent(draft.to(), List.of(letter.to())))
                    .orElseGet(() -> new LetterOutcome.NotSent("no such user: " + one.handle()));
        }
        if (!isSysop(sender)) return new LetterOutcome.NotSent("only sysops can write to all");
        List<String> recipients = store.sendToAll(sender.handle(), draft.subject(), draft.body(), clock.instant());
        log.info("bulletin from {} to {} users", sender.handle(), recipients.size());
        return new LetterOutcome.Sent(draft.to(), recipients);
    }

    /** Sends the new-mail notice to every server, this one included. */
    private void announce(String from, LetterOutcome.Sent sent) {
        boolean toAll = sent.to() instanceof Recipient.All;
        bus.publish(new MailNotice(from, toAll, toAll ? List.of() : sent.recipients()));
    }

    /** {@code *** New mail from alice} on every session here of every recipient, between their keystrokes. */
    private void onBus(BusMessage message) {
        if (!(message instanceof MailNotice notice)) return;
        String text = "*** New mail from " + notice.from() + (notice.toAll() ? " (to all)" : "");
        List<Session> sessions = notice.toAll() ? nodes.sessions() : notice.to().stream()
                .flatMap(recipient -> nodes.sessionsOf(recipient).stream()).toList();
        for (Session session : sessions) {
            Optional<String> recipient = session.user().map(User::handle);
            if (recipient.isEmpty() || recipient.get().equalsIgnoreCase(notice.from())) continue;
            if (ignores.test(recipient.get(), notice.from())) continue;
            session.tell(text, presence.status(recipient.get()) != Status.DND);
        }
    }

    /**
     * Keeps a letter its writer could not finish (the call ended) for them to find again. A draft
     * that cannot be stored is logged: the call is already over, there is nobody left to tell.
     */
    CompletableFuture<Void> keepDraft(User owner, SavedDraft draft) {
        return workers.run(() -> store.saveDraft(owner.handle(), draft, clock.instant())).exceptionally(failure -> {
            log.warn("draft of {} not kept: {}", owner.handle(), failure.toString());
            return null;
        });
    }

    /** The writer's kept draft, taken out of the store; empty when there is none. */
    CompletableFuture<Optional<SavedDraft>> takeDraft(User owner) {
        return workers.submit(() -> store.takeDraft(owner.handle()));
    }

    public CompletableFuture<List<Envelope>> inbox(User owner) {
        return workers.submit(() -> store.inbox(owner.handle()));
    }

    /** The letter, marked read; empty when it is gone (deleted on another connection). */
    public CompletableFuture<Optional<Letter>> open(User owner, long id) {
        return workers.submit(() -> store.open(owner.handle(), id, clock.instant()));
    }

    public CompletableFuture<Boolean> delete(User owner, long id) {
        return workers.submit(() -> store.delete(owner.handle(), id));
    }

    /** {@code You have 3 new letters}, once per login, when there are any. */
    @Override
    public void loggedIn(Session session) {
        String handle = session.requireUser().handle();
        workers.submit(() -> store.countNew(handle)).whenComplete((count, failure) -> {
            if (failure != null) {
                log.warn("node {}: cannot count new letters of {}: {}", session.node(), handle, failure.toString());
            } else if (count > 0) {
                session.tell(newLetters(count), false);
            }
        });
    }

    static String newLetters(int count) {
        return String.format(Locale.ROOT, "You have %d new %s", count, count == 1 ? "letter" : "letters");
    }
}
