package dev.carrier.profile;

import dev.carrier.runtime.Workers;
import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.sshkey.PublicKeyText;
import dev.carrier.sshkey.SshKey;
import dev.carrier.sshkey.UserKeys;
import dev.carrier.sshkey.UserKeys.Added;
import dev.carrier.user.User;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The profile's SSH keys screen ({@code K}): the caller's own public keys with their SHA-256
 * fingerprints and comments; add one by pasting its OpenSSH line, remove one by its number after
 * a yes/no question. The rules and the audit entries are {@link UserKeys}', the same as the
 * sysop's {@code carrier user key}; the store work runs on the workers. {@code Q} goes back to
 * the profile card.
 */
final class SshKeysStage implements Stage {

    static final String PROMPT = "SSH keys: ";
    static final String PASTE_PROMPT = "Paste your public key (one line, such as ~/.ssh/id_ed25519.pub); Enter cancels: ";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private enum Step { MENU, PASTE, NUMBER, CONFIRM }

    private final Session session;
    private final UserKeys keys;
    private final Workers workers;
    private final Stage back;
    private final StageTraits traits;
    private Step step = Step.MENU;
    private List<SshKey> shown = List.of(); // as listed: the numbers the caller types count in it
    private SshKey removing;

    /** @param back where {@code Q} returns: the profile card this screen was opened from */
    SshKeysStage(Session session, UserKeys keys, Workers workers, Stage back) {
        this.session = session;
        this.keys = keys;
        this.workers = workers;
        this.back = back;
        this.traits = back.traits();
    }

    @Override
    public String unavailable() {
        return ProfileRules.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return traits;
    }

    @Override
    public void enter() {
        showKeys();
    }

    private User me() {
        return session.requireUser();
    }

    private void showKeys() {
        User user = me();
        session.await(workers.submit(() -> keys.of(user)), list -> {
            shown = list;
            session.write(card(list));
            promptMenu();
        });
    }

    private String card(List<SshKey> list) {
        StringBuilder card = new StringBuilder();
        if (list.isEmpty()) {
            card.append("  No keys yet. Add one to log in with ssh without typing your password.\n");
        }
        for (int i = 0; i < list.size(); i++) {
            SshKey key = list.get(i);
            card.append(String.format(Locale.ROOT, "  %2d  %s %s", i + 1, key.key().type(), key.fingerprint()))
                    .append('\n');
            String comment = key.key().comment();
            card.append("      ").append(comment.isEmpty() ? "(no comment)" : comment)
                    .append(", added ").append(DAY.format(key.addedAt())).append('\n');
        }
        card.append("  [A] Add a key   [R] Remove a key   [Q] Back to your profile\n");
        return CardFrame.around(session, "SSH keys of " + me().handle(), card);
    }

    private void promptMenu() {
        step = Step.MENU;
        session.prompt(PROMPT, InputMode.HOTKEY);
    }

    @Override
    public void onKey(char key) {
        if (step == Step.MENU) choose(key);
        else if (step == Step.CONFIRM) confirm(key);
    }

    @Override
    public void onLine(String line) {
        switch (step) {
            case MENU -> {
                if (line.isBlank()) promptMenu();
                else choose(line.strip().charAt(0));
            }
            case PASTE -> add(line);
            case NUMBER -> pick(line);
            case CONFIRM -> confirm(line.isBlank() ? 'n' : line.strip().charAt(0));
        }
    }

    private void choose(char key) {
        switch (Character.toUpperCase(key)) {
            case 'A' -> {
                step = Step.PASTE;
                // A pasted RSA key is longer than the usual line: this one prompt takes a whole key line.
                session.prompt(PASTE_PROMPT, InputMode.LINE, PublicKeyText.MAX_LINE);
            }
            case 'R' -> {
                if (shown.isEmpty()) {
                    session.writeLine("You have no keys to remove.");
                    promptMenu();
                    return;
                }
                askNumber();
            }
            case 'Q' -> session.moveTo(back);
            default -> {
                session.writeLine("No such choice: " + key + ". Pick one of the keys in brackets.");
                promptMenu();
            }
        }
    }

    private void add(String line) {
        if (line.isBlank()) {
            session.writeLine("No key added.");
            promptMenu();
            return;
        }
        User user = me();
        session.await(workers.submit(() -> keys.add(user.handle(), user, line)), added -> {
            session.writeLine(said(added));
            if (added instanceof Added.Stored) showKeys();
            else promptMenu();
        });
    }

    private static String said(Added added) {
        if (added instanceof Added.Stored stored) {
            return "Key added: " + stored.key().key().type() + " " + stored.key().fingerprint()
                    + ". It logs you in over SSH without your password.";
        }
        if (added instanceof Added.NotAKey notAKey) {
            return "That is not an OpenSSH public key: " + notAKey.problem() + ". Nothing was added.";
        }
        if (added instanceof Added.AlreadyYours mine) return "You already have that key (" + mine.fingerprint() + ").";
        if (added instanceof Added.Taken) {
            return "That key belongs to another account, and a key logs in to one account only. "
                    + "Make a key of its own for this one (ssh-keygen -t ed25519) and paste that.";
        }
        if (added instanceof Added.TooMany tooMany) {
            return "You already have " + tooMany.max() + " keys, the most an account may have; remove one first.";
        }
        throw new IllegalStateException("unknown " + added);
    }

    private void askNumber() {
        step = Step.NUMBER;
        session.prompt("Number of the key to remove (1-" + shown.size() + "); Enter cancels: ", InputMode.LINE);
    }

    private void pick(String typed) {
        String number = typed.strip();
        if (number.isEmpty()) {
            session.writeLine("No key removed.");
            promptMenu();
            return;
        }
        int chosen = number.matches("\\d{1,3}") ? Integer.parseInt(number) : 0;
        if (chosen < 1 || chosen > shown.size()) {
            session.writeLine("There is no key " + number + "; type a number from 1 to " + shown.size() + ".");
            askNumber();
            return;
        }
        removing = shown.get(chosen - 1);
        step = Step.CONFIRM;
        String comment = removing.key().comment();
        session.prompt("Remove key " + chosen + ", " + removing.key().type() + " " + removing.fingerprint()
                + (comment.isEmpty() ? "" : " (" + comment + ")") + "? (y/N): ", InputMode.HOTKEY);
    }

    private void confirm(char answer) {
        SshKey key = removing;
        removing = null;
        if (Character.toLowerCase(answer) != 'y') {
            session.writeLine("No key removed.");
            promptMenu();
            return;
        }
        User user = me();
        // By fingerprint, not number: the list may have changed on another connection meanwhile.
        session.await(workers.submit(() -> keys.remove(user.handle(), user, key.fingerprint())), removed -> {
            session.writeLine(removed.isPresent() ? "Key " + key.fingerprint() + " removed; it no longer logs you in."
                    : "That key was already removed.");
            showKeys();
        });
    }
}
