package dev.carrier.mail;

import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code __mail_compose__}: {@code To:}, {@code Subject:}, then the body line by line, with
 * {@code /s} send, {@code /a} abort, {@code /q} quote (on a reply), {@code /l} list, {@code /h}
 * help. Goes back to where it was opened from: the inbox, or the menu.
 *
 * <p>Not interruptible: notices wait until the user is back at the inbox or a menu, so nothing
 * lands in the middle of a letter.
 */
public final class MailComposeStage implements Stage {

    public static final String ID = "__mail_compose__";
    public static final String ACTIVITY = "Writing Mail";

    static final String HELP = String.join("\n",
            "Type the letter line by line. Commands, each alone on a line:",
            "  /s   send the letter",
            "  /a   abort: throw the letter away",
            "  /q   quote the letter you are replying to",
            "  /l   list what is written so far",
            "  /h   this help",
            "A line that starts with // is kept with one / (to write a line starting with /).",
            "");

    private enum Step { TO, SUBJECT, BODY }

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY);

    private final Session session;
    private final PostOffice post;
    private final Optional<Letter> original;
    private final Optional<Stage> returnTo;
    private final Pager pager;
    private final List<String> lines = new ArrayList<>();
    private Step step = Step.TO;
    private Recipient to;
    private String subject;
    private boolean finished;

    private MailComposeStage(Session session, PostOffice post, Optional<Letter> original, Optional<Stage> returnTo) {
        this.session = session;
        this.post = post;
        this.original = original;
        this.returnTo = returnTo;
        this.pager = new Pager(session);
    }

    /** The service a menu opens: a new letter, and back to the menu afterwards. */
    public static Service service(PostOffice post) {
        return new Service(ID, session -> new MailComposeStage(session, post, Optional.empty(), Optional.empty()));
    }

    /** A new letter, returning to {@code returnTo} when sent or aborted. */
    public static MailComposeStage write(Session session, PostOffice post, Stage returnTo) {
        return new MailComposeStage(session, post, Optional.empty(), Optional.of(returnTo));
    }

    /** A reply to {@code original}'s sender, which {@code /q} quotes; returns to {@code returnTo}. */
    public static MailComposeStage reply(Session session, PostOffice post, Letter original, Stage returnTo) {
        return new MailComposeStage(session, post, Optional.of(original), Optional.of(returnTo));
    }

    @Override
    public String unavailable() {
        return PostOffice.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        lines.clear();
        if (original.isPresent()) {
            Letter letter = original.get();
            to = new Recipient.One(letter.from());
            session.writeLine("\nReplying to " + letter.from() + ". To: " + letter.from());
            askSubject();
        } else {
            session.await(post.takeDraft(me()), draft -> {
                if (draft.isPresent()) {
                    resume(draft.get());
                } else {
                    session.writeLine("\nWrite a letter. Leave the recipient empty to cancel.");
                    askTo();
                }
            });
        }
    }

    /** The letter the writer's last call ended in, back where they left it. */
    private void resume(SavedDraft draft) {
        lines.addAll(draft.lines());
        session.writeLine("\nYour unfinished letter" + (draft.to().isEmpty() ? "" : " to " + draft.to()) + " is back ("
                + lines.size() + (lines.size() == 1 ? " line" : " lines") + "). /l lists it, /s sends, /a aborts.");
        if (draft.to().isEmpty()) {
            askTo();
            return;
        }
        to = draft.to().equalsIgnoreCase(MailRules.ALL) ? new Recipient.All() : new Recipient.One(draft.to());
        if (draft.subject().isEmpty()) {
            askSubject();
            return;
        }
        subject = draft.subject().get();
        step = Step.BODY;
        promptLine();
    }

    /** The call ended in the middle of a letter (a restart, a kick, a dropped line): keep it as a draft. */
    @Override
    public void exit() {
        if (finished || session.user().isEmpty()) return;
        SavedDraft draft = new SavedDraft(to == null ? "" : to.shown(), Optional.ofNullable(subject), lines);
        if (!draft.isEmpty()) post.keepDraft(session.requireUser(), draft);
    }

    private User me() {
        return session.requireUser();
    }

    @Override
    public void onLine(String line) {
        if (pager.active()) {
            pager.onLine(line);
            return;
        }
        switch (step) {
            case TO -> address(line.strip());
            case SUBJECT -> chooseSubject(line);
            case BODY -> body(line);
        }
    }

    @Override
    public void onKey(char key) {
        if (pager.active()) pager.onKey(key);
    }

    // ---- To: and Subject: ----------------------------------------------------------------------

    private void askTo() {
        step = Step.TO;
        session.prompt("To: ", InputMode.LINE);
    }

    private void address(String typed) {
        if (typed.isEmpty()) {
            session.writeLine("No letter written.");
            leave();
            return;
        }
        session.await(post.address(me(), typed), addressing -> {
            if (addressing instanceof Addressing.Found found) {
                to = found.recipient();
                askSubject();
            } else if (addressing instanceof Addressing.Refused refused) {
                session.writeLine(sentence(refused.reason()) + ". Type a handle, or nothing to cancel.");
                askTo();
            }
        });
    }

    private void askSubject() {
        step = Step.SUBJECT;
        String suggested = original.map(letter -> " [" + MailRules.replySubject(letter.subject()) + "]").orElse("");
        session.prompt("Subject" + suggested + ": ", InputMode.LINE);
    }

    private void chooseSubject(String typed) {
        String clean = MailRules.cleanSubject(typed);
        if (clean.isEmpty() && original.isPresent()) clean = MailRules.replySubject(original.get().subject());
        Optional<String> problem = MailRules.subjectProblem(clean);
        if (problem.isPresent()) {
            session.writeLine(sentence(problem.get()) + ".");
            askSubject();
            return;
        }
        subject = clean;
        step = Step.BODY;
        session.writeLine("Write the letter: at most " + MailRules.MAX_LINES + " lines. /s sends, /a aborts, "
                + (original.isPresent() ? "/q quotes " + original.get().from() + "'s letter, " : "")
                + "/l lists, /h helps.");
        promptLine();
    }

    // ---- the body ------------------------------------------------------------------------------

    private void promptLine() {
        session.prompt(String.format(Locale.ROOT, "%3d: ", lines.size() + 1), InputMode.LINE);
    }

    private void body(String line) {
        if (line.startsWith("/") && !line.startsWith("//")) {
            command(line.strip().toLowerCase(Locale.ROOT));
            return;
        }
        add(line.startsWith("//") ? line.substring(1) : line);
        promptLine();
    }

    private void add(String line) {
        if (lines.size() >= MailRules.MAX_LINES) {
            session.writeLine("The letter is full: " + MailRules.MAX_LINES
                    + " lines at most; that line was not added. /s sends, /l lists, /a aborts.");
            return;
        }
        lines.add(MailRules.cleanLine(line));
    }

    private void command(String command) {
        switch (command) {
            case "/s" -> send();
            case "/a" -> {
                session.writeLine("Letter aborted; nothing was sent.");
                leave();
            }
            case "/q" -> quote();
            case "/l" -> pager.show(listing(), this::promptLine);
            case "/h", "/?", "/help" -> {
                session.write(HELP);
                promptLine();
            }
            default -> {
                session.writeLine("Unknown command: " + command + ". /s sends, /a aborts, /q quotes, /l lists, "
                        + "/h helps.");
                promptLine();
            }
        }
    }

    private void quote() {
        if (original.isEmpty()) {
            session.writeLine("There is nothing to quote: /q quotes the letter you reply to.");
            promptLine();
            return;
        }
        List<String> quoted = LetterView.quote(original.get());
        int room = MailRules.MAX_LINES - lines.size();
        int taken = Math.min(room, quoted.size());
        for (String line : quoted.subList(0, taken)) lines.add(cut(line));
        if (taken == 0) {
            session.writeLine("The letter is full: " + MailRules.MAX_LINES + " lines at most; nothing was quoted.");
        } else if (taken < quoted.size()) {
            session.writeLine("Quoted the first " + taken + " of " + quoted.size() + " lines: a letter holds "
                    + MailRules.MAX_LINES + " lines at most.");
        } else {
            session.writeLine("Quoted " + original.get().from() + "'s letter (" + taken + " lines). /l lists it.");
        }
        promptLine();
    }

    private static String cut(String line) {
        return line.length() <= MailRules.MAX_LINE_LENGTH ? line : line.substring(0, MailRules.MAX_LINE_LENGTH);
    }

    private List<String> listing() {
        List<String> out = new ArrayList<>();
        out.add("To:      " + to.shown());
        out.add("Subject: " + subject);
        for (int i = 0; i < lines.size(); i++) {
            out.add(String.format(Locale.ROOT, "%3d: %s", i + 1, lines.get(i)));
        }
        out.add("(" + lines.size() + " of " + MailRules.MAX_LINES + " lines)");
        return out;
    }

    private void send() {
        Optional<String> problem = MailRules.bodyProblem(lines);
        if (problem.isPresent()) {
            session.writeLine(sentence(problem.get()) + "; /a aborts.");
            promptLine();
            return;
        }
        session.await(post.send(me(), new Draft(to, subject, lines)), outcome -> {
            if (outcome instanceof LetterOutcome.Sent sent) {
                session.writeLine(sent.to() instanceof Recipient.All
                        ? "Bulletin sent to " + sent.recipients().size()
                                + (sent.recipients().size() == 1 ? " user." : " users.")
                        : "Letter sent to " + sent.recipients().get(0) + ".");
                leave();
            } else if (outcome instanceof LetterOutcome.NotSent notSent) {
                session.writeLine("Not sent: " + notSent.reason() + ". The letter is still here: /s tries again, "
                        + "/a aborts.");
                promptLine();
            }
        });
    }

    private void leave() {
        finished = true;
        if (returnTo.isPresent()) {
            session.moveTo(returnTo.get());
        } else {
            session.backToMenu();
        }
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
