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
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code __mail_inbox__}: the numbered list of letters, newest last, with new marks; a number
 * reads a letter (marking it read, paged at the screen's height), {@code R n} replies quoting
 * it, {@code D n} deletes, {@code W} writes a new letter, {@code Q} goes back to the menu.
 * Writing and replying return here.
 *
 * <p>Notices (new mail, DMs) may show here between keystrokes: the user is reading, not
 * writing.
 */
public final class MailInboxStage implements Stage {

    public static final String ID = "__mail_inbox__";
    public static final String ACTIVITY = "Reading Mail";
    static final String PROMPT = "Mail: ";

    private static final Pattern COMMAND = Pattern.compile("([a-z?])\\s*(\\d*)");
    private static final String HELP = String.join("\n",
            "Mail commands:",
            "  NUMBER     read that letter",
            "  R NUMBER   reply to it, with /q to quote it",
            "  D NUMBER   delete it",
            "  N          read the next new letter",
            "  W          write a new letter",
            "  L          list the letters again",
            "  Q          back to the menu",
            "");

    private enum Mode { LIST, LETTER, CONFIRM_DELETE }

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private final Session session;
    private final PostOffice post;
    private final Pager pager;
    private List<Envelope> letters = List.of();
    private Mode mode = Mode.LIST;
    private int current;
    private Letter shown;

    public MailInboxStage(Session session, PostOffice post) {
        this.session = session;
        this.post = post;
        this.pager = new Pager(session);
    }

    public static Service service(PostOffice post) {
        return new Service(ID, session -> new MailInboxStage(session, post));
    }

    @Override
    public String unavailable() {
        return PostOffice.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    /** Entered from the menu, and again after writing or replying: the list, fresh from the store. */
    @Override
    public void enter() {
        reload();
    }

    private User me() {
        return session.requireUser();
    }

    private void reload() {
        mode = Mode.LIST;
        session.await(post.inbox(me()), list -> {
            letters = list;
            showList();
        });
    }

    private void showList() {
        mode = Mode.LIST;
        pager.show(LetterView.inbox(me().handle(), letters, columns(), session.colour()), this::promptList);
    }

    private void promptList() {
        mode = Mode.LIST;
        session.prompt(PROMPT, InputMode.LINE);
    }

    private int columns() {
        return session.terminal().info().columns();
    }

    @Override
    public void onLine(String line) {
        if (pager.active()) {
            pager.onLine(line);
            return;
        }
        switch (mode) {
            case LIST -> command(line.strip().toLowerCase(Locale.ROOT));
            case LETTER -> afterLetter(line.isBlank() ? 'q' : line.strip().charAt(0));
            case CONFIRM_DELETE -> confirmDelete(line.isBlank() ? 'n' : line.strip().charAt(0));
        }
    }

    @Override
    public void onKey(char key) {
        if (pager.active()) {
            pager.onKey(key);
            return;
        }
        switch (mode) {
            case LIST -> command(String.valueOf(key).toLowerCase(Locale.ROOT));
            case LETTER -> afterLetter(key);
            case CONFIRM_DELETE -> confirmDelete(key);
        }
    }

    // ---- the list ------------------------------------------------------------------------------

    private void command(String typed) {
        if (typed.isEmpty()) {
            promptList();
            return;
        }
        if (typed.chars().allMatch(Character::isDigit)) {
            numbered(typed, this::read);
            return;
        }
        Matcher m = COMMAND.matcher(typed);
        if (!m.matches()) {
            unknown(typed);
            return;
        }
        char command = m.group(1).charAt(0);
        String number = m.group(2);
        if (!number.isEmpty() && command != 'r' && command != 'd') {
            unknown(typed);
            return;
        }
        switch (command) {
            case 'r' -> {
                if (number.isEmpty()) usage("R NUMBER, such as R 1, replies to a letter");
                else numbered(number, this::reply);
            }
            case 'd' -> {
                if (number.isEmpty()) usage("D NUMBER, such as D 1, deletes a letter");
                else numbered(number, this::askDelete);
            }
            case 'q' -> session.backToMenu();
            case 'w' -> session.moveTo(MailComposeStage.write(session, post, this));
            case 'l' -> reload();
            case 'n' -> nextNew();
            case '?', 'h' -> {
                session.write(HELP);
                promptList();
            }
            default -> unknown(typed);
        }
    }

    private void unknown(String typed) {
        session.writeLine("No such command: " + typed + ". Type ? for help.");
        promptList();
    }

    private void usage(String text) {
        session.writeLine("Usage: " + text + ".");
        promptList();
    }

    /** Runs the action with a letter number the user typed, once it is one of the list's. */
    private void numbered(String digits, IntConsumer action) {
        if (letters.isEmpty()) {
            session.writeLine("Your mailbox is empty.");
            promptList();
            return;
        }
        int number = digits.length() > 6 ? -1 : Integer.parseInt(digits);
        if (number < 1 || number > letters.size()) {
            session.writeLine("No letter " + digits + ": pick 1 to " + letters.size() + ".");
            promptList();
            return;
        }
        action.accept(number);
    }

    private void nextNew() {
        for (int i = 0; i < letters.size(); i++) {
            if (letters.get(i).isNew()) {
                read(i + 1);
                return;
            }
        }
        session.writeLine("No new letters.");
        promptList();
    }

    // ---- one letter ----------------------------------------------------------------------------

    private void read(int number) {
        current = number;
        withLetter(number, letter -> {
            shown = letter;
            mode = Mode.LETTER;
            pager.show(LetterView.letter(letter, number, letters.size(), columns(), session.colour()),
                    this::promptLetter);
        });
    }

    /** Opens (and so marks read) letter {@code number}; a letter deleted meanwhile reloads the list. */
    private void withLetter(int number, Consumer<Letter> then) {
        Envelope envelope = letters.get(number - 1);
        session.await(post.open(me(), envelope.id()), letter -> {
            if (letter.isEmpty()) {
                session.writeLine("That letter is gone: it was deleted on another connection.");
                reload();
                return;
            }
            if (envelope.isNew()) {
                letters = replace(number - 1, new Envelope(envelope.id(), envelope.from(), envelope.subject(),
                        envelope.sentAt(), envelope.bulletin(), false));
            }
            then.accept(letter.get());
        });
    }

    private List<Envelope> replace(int index, Envelope envelope) {
        var copy = new ArrayList<>(letters);
        copy.set(index, envelope);
        return List.copyOf(copy);
    }

    private void promptLetter() {
        mode = Mode.LETTER;
        session.prompt("Letter " + current + ": [R]eply, [D]elete, [N]ext, [Q] back to the list: ", InputMode.HOTKEY);
    }

    private void afterLetter(char key) {
        switch (Character.toLowerCase(key)) {
            case 'r' -> session.moveTo(MailComposeStage.reply(session, post, shown, this));
            case 'd' -> askDelete(current);
            case 'n' -> {
                if (current < letters.size()) {
                    read(current + 1);
                } else {
                    session.writeLine("That was the last letter.");
                    showList();
                }
            }
            case 'q' -> showList();
            default -> {
                session.writeLine("Press R to reply, D to delete, N for the next letter or Q for the list.");
                promptLetter();
            }
        }
    }

    private void reply(int number) {
        withLetter(number, letter -> session.moveTo(MailComposeStage.reply(session, post, letter, this)));
    }

    // ---- deleting ------------------------------------------------------------------------------

    private void askDelete(int number) {
        current = number;
        mode = Mode.CONFIRM_DELETE;
        Envelope letter = letters.get(number - 1);
        session.prompt("Delete letter " + number + " from " + letter.from() + ", \"" + letter.subject()
                + "\"? (y/N): ", InputMode.HOTKEY);
    }

    private void confirmDelete(char key) {
        if (Character.toLowerCase(key) != 'y') {
            session.writeLine("Kept.");
            showList();
            return;
        }
        int number = current;
        session.await(post.delete(me(), letters.get(number - 1).id()), deleted -> {
            session.writeLine(deleted ? "Letter " + number + " deleted." : "That letter was already gone.");
            reload();
        });
    }
}
