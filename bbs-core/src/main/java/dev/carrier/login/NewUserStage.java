package dev.carrier.login;

import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.HandleRules;
import dev.carrier.user.HandleTakenException;
import dev.carrier.user.PasswordRules;
import dev.carrier.user.User;
import java.util.Optional;

/** Registration: {@code new handle: }, {@code new password: }, {@code repeat password: }. */
final class NewUserStage implements Stage {

    private enum Step { HANDLE, PASSWORD, REPEAT }

    private static final StageTraits TRAITS = StageTraits.of(SessionState.NEW_USER, "Registering");

    private final Session session;
    private final Reception reception;
    private final Stage login;
    private Step step;
    private String handle;
    private String password;

    /** @param login where an empty handle goes back to (it keeps the caller's failed tries) */
    public NewUserStage(Session session, Reception reception, Stage login) {
        this.session = session;
        this.reception = reception;
        this.login = login;
    }

    @Override
    public String unavailable() {
        return Reception.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        session.writeLine("\nNew user registration. Leave the handle empty to go back.");
        askHandle();
    }

    private void askHandle() {
        step = Step.HANDLE;
        session.prompt("new handle: ", InputMode.LINE);
    }

    private void askPassword() {
        step = Step.PASSWORD;
        session.prompt("new password: ", InputMode.MASKED);
    }

    @Override
    public void onLine(String line) {
        switch (step) {
            case HANDLE -> chooseHandle(line.strip());
            case PASSWORD -> choosePassword(line);
            case REPEAT -> repeatPassword(line);
        }
    }

    private void chooseHandle(String typed) {
        if (typed.isEmpty()) {
            session.moveTo(login);
            return;
        }
        Optional<String> problem = HandleRules.problem(typed);
        if (problem.isPresent()) {
            session.writeLine(problem.get());
            askHandle();
            return;
        }
        session.await(reception.workers().submit(() -> reception.users().findLookalike(typed)), existing -> {
            if (existing.isPresent()) {
                session.writeLine(takenMessage(typed, existing.get()));
                askHandle();
            } else {
                handle = typed;
                askPassword();
            }
        });
    }

    /** Why a handle cannot be had: taken, or too much like a handle everyone can already see in W. */
    static String takenMessage(String typed, User existing) {
        if (existing.handle().equalsIgnoreCase(typed)) return "That handle is taken; choose another.";
        return "That handle is too much like an existing one (" + existing.handle() + "); choose another.";
    }

    private void choosePassword(String typed) {
        Optional<String> problem = PasswordRules.problem(typed);
        if (problem.isPresent()) {
            session.writeLine(problem.get());
            askPassword();
            return;
        }
        password = typed;
        step = Step.REPEAT;
        session.prompt("repeat password: ", InputMode.MASKED);
    }

    private void repeatPassword(String typed) {
        if (!typed.equals(password)) {
            password = null;
            session.writeLine("Passwords do not match; try again.");
            askPassword();
            return;
        }
        String chosenHandle = handle;
        String chosenPassword = password;
        password = null;
        session.await(reception.workers().submit(() -> register(chosenHandle, chosenPassword)), created -> {
            if (created.isEmpty()) {
                session.writeLine("Someone just took that handle, or one too much like it; choose another.");
                askHandle();
            } else {
                LoginStage.welcome(session, reception, created.get(), true);
            }
        });
    }

    /** Runs on a worker. Empty when the handle was taken meanwhile: the store's unique index decides. */
    private Optional<User> register(String chosenHandle, String chosenPassword) {
        String hash = reception.hasher().hash(chosenPassword);
        try {
            User user = reception.users().create(chosenHandle, hash);
            reception.users().recordLogin(user.id(), reception.clock().instant());
            return Optional.of(user);
        } catch (HandleTakenException e) {
            return Optional.empty();
        }
    }
}
