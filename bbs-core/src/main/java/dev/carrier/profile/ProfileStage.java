package dev.carrier.profile;

import dev.carrier.profile.ProfileRules.Checked;
import dev.carrier.runtime.Workers;
import dev.carrier.session.InputMode;
import dev.carrier.session.Logouts;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.sshkey.UserKeys;
import dev.carrier.terminal.Ansi;
import dev.carrier.user.Credentials;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.PasswordRules;
import dev.carrier.user.Preferences;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code __profile_edit__}: display name, tagline, location, terminal charset, ANSI colour,
 * screen height, password and the SSH keys (their own screen, {@link SshKeysStage}). A change is stored, then takes effect at once in this session
 * (charset and colour included) and is what others see in {@code /whois}. A new password logs
 * out the user's other sessions and, through {@link Logouts}, their other credentials.
 */
public final class ProfileStage implements Stage {

    public static final String ID = "__profile_edit__";
    public static final String ACTIVITY = "Editing Profile";
    static final String PROMPT = "Profile: ";
    static final String LOGGED_OUT =
            "*** Your password was changed on another connection. Please log in again with the new one.";

    private enum Step { MENU, FIELD, CURRENT_PASSWORD, NEW_PASSWORD, REPEAT_PASSWORD }

    /** The fields one key edits, each with its prompt and what it makes of the typed line. */
    private enum Field {
        DISPLAY_NAME('D', "Display name", "Display name (1-40 characters, - shows your handle instead)",
                typed -> change(ProfileRules.displayName(typed), (u, v) -> u.withProfile(v, u.tagline(), u.location()))),
        TAGLINE('T', "Tagline", "Tagline (one line, at most 80 characters, - clears it)",
                typed -> change(ProfileRules.tagline(typed), (u, v) -> u.withProfile(u.displayName(), v, u.location()))),
        LOCATION('L', "Location", "Location (at most 40 characters, - clears it)",
                typed -> change(ProfileRules.location(typed), (u, v) -> u.withProfile(u.displayName(), u.tagline(), v))),
        CHARSET('C', "Charset", "Charset (UTF-8 or CP437)",
                typed -> change(ProfileRules.charset(typed), (u, v) -> u.withPreferences(u.preferences().withCharset(v)))),
        COLOUR('A', "ANSI colour", "ANSI colour (on or off)",
                typed -> change(ProfileRules.colour(typed), (u, v) -> u.withPreferences(u.preferences().withColour(v)))),
        SCREEN_ROWS('H', "Screen height", "Screen height (10-200 lines, 0 follows your terminal)",
                typed -> change(ProfileRules.screenRows(typed),
                        (u, v) -> u.withPreferences(u.preferences().withScreenRows(v)))),
        CHAT_LAYOUT('S', "Chat layout", "Chat layout (screen: room, status bar and input line; plain: lines)",
                typed -> change(ProfileRules.chatLayout(typed),
                        (u, v) -> u.withPreferences(u.preferences().withChatLayout(v))));

        final char key;
        final String label;
        final String prompt;
        /** The typed line, as a change to the user, or why it is refused. */
        final Function<String, Checked<UnaryOperator<User>>> parse;

        Field(char key, String label, String prompt, Function<String, Checked<UnaryOperator<User>>> parse) {
            this.key = key;
            this.label = label;
            this.prompt = prompt;
            this.parse = parse;
        }

        static Optional<Field> forKey(char typed) {
            char upper = Character.toUpperCase(typed);
            for (Field field : values()) {
                if (field.key == upper) return Optional.of(field);
            }
            return Optional.empty();
        }

        /** A checked value as a change to apply to the user (the latest stored copy, when saving). */
        private static <T> Checked<UnaryOperator<User>> change(Checked<T> checked, BiFunction<User, T, User> apply) {
            if (checked instanceof Checked.Ok<T> ok) {
                return new Checked.Ok<>(user -> apply.apply(user, ok.value()));
            }
            if (checked instanceof Checked.Refused<T> refused) {
                return new Checked.Refused<>(refused.problem());
            }
            throw new IllegalStateException("unknown " + checked);
        }
    }

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY);

    private final Session session;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Workers workers;
    private final int maxPasswordTries;
    private final Logouts logouts;
    private final UserKeys keys;
    private final ProfileAnnouncer announcer;
    private Step step = Step.MENU;
    private Field editing;
    private String newPassword;
    private int wrongPasswords;

    /** @param maxPasswordTries wrong current passwords in a row before the session is hung up */
    public ProfileStage(Session session, UserStore users, PasswordHasher hasher, Workers workers,
            int maxPasswordTries, Logouts logouts, UserKeys keys, ProfileAnnouncer announcer) {
        this.session = session;
        this.announcer = announcer;
        this.users = users;
        this.hasher = hasher;
        this.workers = workers;
        this.maxPasswordTries = maxPasswordTries;
        this.logouts = logouts;
        this.keys = keys;
    }

    public static Service service(UserStore users, PasswordHasher hasher, Workers workers, int maxPasswordTries,
            Logouts logouts, UserKeys keys, ProfileAnnouncer announcer) {
        return new Service(ID, session -> new ProfileStage(session, users, hasher, workers, maxPasswordTries,
                logouts, keys, announcer));
    }

    @Override
    public String unavailable() {
        return ProfileRules.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        showCard();
    }

    @Override
    public void exit() {
        newPassword = null;
    }

    private User me() {
        return session.requireUser();
    }

    // ---- the card ------------------------------------------------------------------------------

    private void showCard() {
        User user = me();
        Preferences prefs = user.preferences();
        StringBuilder card = new StringBuilder();
        row(card, Field.DISPLAY_NAME, user.displayName().isEmpty() ? "(none: your handle is shown)" : user.displayName());
        row(card, Field.TAGLINE, orNone(user.tagline()));
        row(card, Field.LOCATION, orNone(user.location()));
        row(card, Field.CHARSET, prefs.charset().map(Preferences::nameOf)
                .orElse(charsetName(session.terminal().info().charset()) + " (chosen by your terminal)"));
        row(card, Field.COLOUR, prefs.colour() ? "on" : "off");
        row(card, Field.SCREEN_ROWS, prefs.screenRows() > 0 ? prefs.screenRows() + " lines"
                : session.terminal().info().rows() + " lines (from your terminal)");
        row(card, Field.CHAT_LAYOUT, prefs.chatLayout().wireName()
                + (Ansi.movesCursor(session.terminal().info()) ? "" : " (this terminal gets plain lines)"));
        card.append("  [P] ").append(String.format(Locale.ROOT, "%-14s", "Password")).append("change it\n");
        card.append("  [K] ").append(String.format(Locale.ROOT, "%-14s", "SSH keys")).append("list, add or remove\n");
        card.append("  [Q] Back to the main menu\n");
        session.write(CardFrame.around(session, "Profile of " + user.handle(), card));
        promptMenu();
    }

    private static void row(StringBuilder card, Field field, String value) {
        card.append("  [").append(field.key).append("] ").append(String.format(Locale.ROOT, "%-14s", field.label))
                .append(value).append('\n');
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "(none)" : text;
    }

    private static String charsetName(Charset charset) {
        try {
            return Preferences.nameOf(charset);
        } catch (IllegalArgumentException e) {
            return charset.name();
        }
    }

    private void promptMenu() {
        step = Step.MENU;
        session.prompt(PROMPT, InputMode.HOTKEY);
    }

    // ---- input ---------------------------------------------------------------------------------

    @Override
    public void onKey(char key) {
        if (step == Step.MENU) choose(key);
    }

    @Override
    public void onLine(String line) {
        switch (step) {
            case MENU -> {
                if (line.isBlank()) promptMenu();
                else choose(line.strip().charAt(0));
            }
            case FIELD -> edit(line);
            case CURRENT_PASSWORD -> checkCurrentPassword(line);
            case NEW_PASSWORD -> chooseNewPassword(line);
            case REPEAT_PASSWORD -> repeatNewPassword(line);
        }
    }

    private void choose(char key) {
        Optional<Field> field = Field.forKey(key);
        if (field.isPresent()) {
            editing = field.get();
            step = Step.FIELD;
            session.prompt(editing.prompt + "; Enter keeps it: ", InputMode.LINE);
            return;
        }
        switch (Character.toUpperCase(key)) {
            case 'P' -> {
                step = Step.CURRENT_PASSWORD;
                session.prompt("Current password: ", InputMode.MASKED);
            }
            case 'K' -> session.moveTo(new SshKeysStage(session, keys, workers, this));
            case 'Q' -> session.backToMenu();
            default -> {
                session.writeLine("No such choice: " + key + ". Pick one of the keys in brackets.");
                promptMenu();
            }
        }
    }

    private void edit(String typed) {
        if (typed.isBlank()) {
            session.writeLine(editing.label + " unchanged.");
            promptMenu();
            return;
        }
        Checked<UnaryOperator<User>> checked = editing.parse.apply(typed);
        if (checked instanceof Checked.Refused<UnaryOperator<User>> refused) {
            session.writeLine(sentence(refused.problem()) + ".");
            session.prompt(editing.prompt + "; Enter keeps it: ", InputMode.LINE);
            return;
        }
        UnaryOperator<User> change = ((Checked.Ok<UnaryOperator<User>>) checked).value();
        Field field = editing;
        long id = me().id();
        session.await(workers.submit(() -> save(id, change)), saved -> {
            session.userChanged(saved);
            session.writeLine(field.label + " saved.");
            showCard();
        });
    }

    /**
     * Runs on a worker. The change is applied to the account as stored now, not to this
     * session's copy, so that a field changed meanwhile on another connection is kept.
     */
    private User save(long id, UnaryOperator<User> change) {
        User before = users.findById(id).orElseThrow();
        User changed = change.apply(before);
        users.updateProfile(id, changed.displayName(), changed.tagline(), changed.location());
        users.updatePreferences(id, changed.preferences());
        User after = users.findById(id).orElseThrow();
        announcer.saved(before, after);
        return after;
    }

    // ---- the password --------------------------------------------------------------------------

    private void checkCurrentPassword(String typed) {
        String handle = me().handle();
        session.await(workers.submit(() -> hasher.verify(typed,
                users.credentials(handle).map(Credentials::passwordHash))), matches -> {
            if (!matches) {
                session.writeLine("That is not your current password; it stays as it was.");
                // Someone at an unattended terminal does not get to guess for long.
                if (++wrongPasswords >= maxPasswordTries) {
                    session.writeLine("Too many wrong passwords. Goodbye.");
                    session.hangUp();
                    return;
                }
                promptMenu();
                return;
            }
            askNewPassword();
        });
    }

    private void askNewPassword() {
        step = Step.NEW_PASSWORD;
        session.prompt("New password (Enter keeps the old one): ", InputMode.MASKED);
    }

    private void chooseNewPassword(String typed) {
        if (typed.isEmpty()) {
            session.writeLine("Password unchanged.");
            promptMenu();
            return;
        }
        Optional<String> problem = PasswordRules.problem(typed);
        if (problem.isPresent()) {
            session.writeLine(sentence(problem.get()) + ".");
            askNewPassword();
            return;
        }
        newPassword = typed;
        step = Step.REPEAT_PASSWORD;
        session.prompt("Repeat new password: ", InputMode.MASKED);
    }

    private void repeatNewPassword(String typed) {
        String chosen = newPassword;
        newPassword = null;
        if (!typed.equals(chosen)) {
            session.writeLine("Passwords do not match; try again.");
            askNewPassword();
            return;
        }
        User user = me();
        session.await(workers.run(() -> {
            users.setPasswordHash(user.id(), hasher.hash(chosen));
            logouts.revokeCredentials(user);
        }), done -> {
            int others = logouts.hangUpOthers(session, LOGGED_OUT);
            session.writeLine("Password changed." + switch (others) {
                case 0 -> "";
                case 1 -> " Your other session was logged out.";
                default -> " Your " + others + " other sessions were logged out.";
            });
            promptMenu();
        });
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
